using Microsoft.AspNetCore.Identity;
using Samordna.Core.Access;
using Samordna.Core.Associations;
using Samordna.Core.Funding;

namespace Samordna.Web.Data;

// The tables of the foundation. Each capability adds its own entities in its feature folder;
// these are shared by all of them.

/// <summary>A person who signs in. Identity keeps the password hash, lockout and TOTP secret.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>A role held by a user, in one association or (system administrator) installation-wide.</summary>
public sealed class RoleAssignment
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public int? AssociationId { get; set; }
    public Role Role { get; set; }
    public DateTime GrantedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>An API token. Only a SHA-256 hash of the secret is stored; the secret is shown once.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>A samordningsförbund: one tenant of the platform.</summary>
public sealed class Association
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string OrganisationNumber { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public List<MemberParty> Members { get; set; } = [];
    public List<FundingYear> FundingYears { get; set; } = [];
}

/// <summary>A member (medlem/huvudman) of an association.</summary>
public sealed class MemberParty
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public MemberPartyKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? CountyCode { get; set; }
    public string? MunicipalityCode { get; set; }
}

/// <summary>A budget year's total contribution and the key for the municipal share.</summary>
public sealed class FundingYear
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public int Year { get; set; }
    public long Total { get; set; }
    public FundingKeyKind Key { get; set; }
    /// <summary>The office's own costs (kansli); the association's budget is the interventions' money plus this.</summary>
    public decimal? AdministrationBudget { get; set; }
    public decimal? AdministrationOutcome { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Concurrency token: raised by every change of the total, the key or the administration figures.</summary>
    public int Revision { get; set; }
    public List<FundingKeyValue> KeyValues { get; set; } = [];
}

/// <summary>One municipality's population or percentage in a funding year's key.</summary>
public sealed class FundingKeyValue
{
    public int Id { get; set; }
    public int FundingYearId { get; set; }
    public FundingYear? FundingYear { get; set; }
    public string MunicipalityCode { get; set; } = "";
    public long? Population { get; set; }
    public decimal? Percentage { get; set; }
}

/// <summary>One write, as the audit log keeps it: who, when, what, and the changed values.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string Actor { get; set; } = "";
    public int? AssociationId { get; set; }
    public string Action { get; set; } = "";
    public string Entity { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public string Changes { get; set; } = "";
}
