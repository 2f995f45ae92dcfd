using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Users;

/// <summary>Creating accounts and granting roles: shared by the pages, the API and the `user add` verb.</summary>
public sealed class UserAdministration(SamordnaDb db, UserManager<AppUser> users)
{
    public async Task<Result<AppUser>> CreateAsync(string? email, string? displayName, string? password)
    {
        email = (email ?? "").Trim();
        if (email.Length == 0 || !email.Contains('@'))
            return Result<AppUser>.Fail("email", "Ange en e-postadress, till exempel namn@forbund.se.");
        if (email.Length > 256)
            return Result<AppUser>.Fail("email", "E-postadressen får vara högst 256 tecken.");
        if (displayName?.Trim().Length > 200)
            return Result<AppUser>.Fail("displayName", "Namnet får vara högst 200 tecken.");
        if (await users.FindByEmailAsync(email) is not null)
            return Result<AppUser>.Fail("email", $"Det finns redan ett konto med e-postadressen {email}.");
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim(),
        };
        var created = await users.CreateAsync(user, password ?? "");
        return created.Succeeded
            ? Result<AppUser>.Ok(user)
            : Result<AppUser>.Fail(created.Errors.Select(e => new FieldError(e.Code.Contains("Password") ? "password" : "email", SwedishIdentityErrors.Describe(e))));
    }

    /// <summary>
    /// A system administrator removes another person's lost second factor: two-factor off, a new authenticator key,
    /// no recovery codes, and (through the new security stamp) every session of theirs ended. The change is
    /// written to the installation's audit log under the administrator's name like every account change.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> ResetTwoFactorAsync(string? email, string administratorId)
    {
        var user = await users.FindByEmailAsync((email ?? "").Trim());
        if (user is null) return [new FieldError("email", $"Det finns inget konto med e-postadressen {email}.")];
        if (user.Id == administratorId)
            return [new FieldError("email", "Ditt eget andra steg stänger du av på sidan Tvåstegsverifiering, med ditt lösenord.")];
        if (!user.TwoFactorEnabled) return [new FieldError("email", $"{user.Email} har ingen tvåstegsverifiering att återställa.")];
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        return [];
    }

    public async Task<IReadOnlyList<FieldError>> GrantAsync(string userId, Role role, int? associationId)
    {
        if (associationId is not null && !await db.Associations.AnyAsync(a => a.Id == associationId))
            return [new FieldError("association", $"Förbund {associationId} finns inte.")];
        var existing = await db.RoleAssignments.Where(r => r.UserId == userId)
            .Select(r => new RoleGrant(r.Role, r.AssociationId)).ToListAsync();
        var errors = AccessRules.CheckNewGrant(existing, new RoleGrant(role, associationId));
        if (errors.Count > 0) return errors;
        db.RoleAssignments.Add(new RoleAssignment { UserId = userId, Role = role, AssociationId = associationId });
        await db.SaveChangesAsync();
        return [];
    }

    /// <summary>An association administrator gives an existing account a role in their association.</summary>
    public async Task<IReadOnlyList<FieldError>> GrantByEmailAsync(string? email, string? roleText, int associationId)
    {
        var role = RoleNames.Parse(roleText);
        if (role is null or Role.SystemAdministrator)
            return [new FieldError("role", "Välj en förbundsroll: förbundsadministratör, styrelseledamot, samverkanskoordinator, insatsansvarig, deltagaransvarig eller analytiker.")];
        var user = await users.FindByEmailAsync((email ?? "").Trim());
        if (user is null)
            return [new FieldError("email", $"Det finns inget konto med e-postadressen \"{email}\". Be systemadministratören skapa kontot först.")];
        return await GrantAsync(user.Id, role.Value, associationId);
    }

    public async Task<bool> RevokeAsync(int assignmentId, int associationId)
    {
        var assignment = await db.RoleAssignments.SingleOrDefaultAsync(r => r.Id == assignmentId && r.AssociationId == associationId);
        if (assignment is null) return false;
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync();
        return true;
    }

    public Task<bool> AnyUserExistsAsync() => db.Users.AnyAsync();
}

/// <summary>Identity's error codes in Swedish.</summary>
public static class SwedishIdentityErrors
{
    public static string Describe(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => $"Lösenordet är för kort. {PasswordRule}",
        "PasswordRequiresUniqueChars" => $"Lösenordet har för få olika tecken. {PasswordRule}",
        "PasswordRequiresDigit" => "Lösenordet måste innehålla minst en siffra.",
        "PasswordRequiresLower" => "Lösenordet måste innehålla minst en liten bokstav.",
        "PasswordRequiresUpper" => "Lösenordet måste innehålla minst en stor bokstav.",
        "PasswordRequiresNonAlphanumeric" => "Lösenordet måste innehålla minst ett specialtecken.",
        "DuplicateUserName" or "DuplicateEmail" => "Det finns redan ett konto med den e-postadressen.",
        "InvalidEmail" or "InvalidUserName" => "E-postadressen är inte giltig.",
        _ => error.Description,
    };

    public const string PasswordRule = "Lösenordet ska ha minst 12 tecken, varav minst 6 olika.";
}
