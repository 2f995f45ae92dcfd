using Samordna.Core.Access;

namespace Samordna.Core.Tests;

public class AccessRulesTests
{
    [Fact]
    public void A_role_counts_only_in_the_association_that_granted_it()
    {
        RoleGrant[] grants = [new(Role.AssociationAdministrator, 1), new(Role.BoardMember, 2)];

        Assert.True(AccessRules.IsAllowed(grants, Permission.ManageAssociation, 1));
        Assert.False(AccessRules.IsAllowed(grants, Permission.ManageAssociation, 2));
        Assert.True(AccessRules.IsAllowed(grants, Permission.ViewAssociation, 2));
        Assert.False(AccessRules.IsAllowed(grants, Permission.ViewAssociation, 3));
    }

    [Fact]
    public void Only_the_system_administrator_administers_the_installation()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            var allowed = AccessRules.IsAllowed([new RoleGrant(role, role == Role.SystemAdministrator ? null : 1)], Permission.AdministerInstallation, null);
            Assert.Equal(role == Role.SystemAdministrator, allowed);
        }
    }

    [Fact]
    public void Only_participant_registrars_register_participants_and_the_system_administrator_is_the_exception()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            var allowed = AccessRules.IsAllowed([new RoleGrant(role, role == Role.SystemAdministrator ? null : 1)], Permission.RegisterParticipants, 1);
            Assert.Equal(role == Role.ParticipantRegistrar, allowed);
        }
        // Everything else the system administrator still passes, in every association.
        foreach (var permission in Enum.GetValues<Permission>().Where(p => p != Permission.RegisterParticipants))
            Assert.True(AccessRules.IsAllowed([new RoleGrant(Role.SystemAdministrator, null)], permission, 7), permission.ToString());
        // A registrar elsewhere is no registrar here.
        Assert.False(AccessRules.IsAllowed([new RoleGrant(Role.ParticipantRegistrar, 2)], Permission.RegisterParticipants, 1));
    }

    [Fact]
    public void Association_administrator_and_participant_registrar_cannot_be_combined_in_one_association()
    {
        var errors = AccessRules.CheckNewGrant([new RoleGrant(Role.AssociationAdministrator, 1)], new RoleGrant(Role.ParticipantRegistrar, 1));
        Assert.Contains(errors, e => e.Field == "role" && e.Message.Contains("kan inte kombineras"));

        Assert.Empty(AccessRules.CheckNewGrant([new RoleGrant(Role.AssociationAdministrator, 1)], new RoleGrant(Role.ParticipantRegistrar, 2)));
        Assert.NotEmpty(AccessRules.CheckNewGrant([new RoleGrant(Role.ParticipantRegistrar, 4)], new RoleGrant(Role.AssociationAdministrator, 4)));
    }

    [Fact]
    public void Association_roles_need_an_association_and_the_system_role_must_not_have_one()
    {
        Assert.NotEmpty(AccessRules.CheckNewGrant([], new RoleGrant(Role.BoardMember, null)));
        Assert.NotEmpty(AccessRules.CheckNewGrant([], new RoleGrant(Role.SystemAdministrator, 1)));
        Assert.NotEmpty(AccessRules.CheckNewGrant([new RoleGrant(Role.Analyst, 1)], new RoleGrant(Role.Analyst, 1)));
    }

    [Theory]
    [InlineData("Styrelseledamot", Role.BoardMember)]
    [InlineData("boardmember", Role.BoardMember)]
    [InlineData("Deltagaransvarig", Role.ParticipantRegistrar)]
    public void Roles_parse_from_English_code_or_Swedish_name(string text, Role expected) =>
        Assert.Equal(expected, RoleNames.Parse(text));
}
