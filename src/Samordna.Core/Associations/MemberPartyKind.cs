namespace Samordna.Core.Associations;

/// <summary>The four kinds of member (medlem/part) a samordningsförbund can have under Finsam.</summary>
public enum MemberPartyKind
{
    /// <summary>Försäkringskassan: pays the state's half.</summary>
    Fk,
    /// <summary>Arbetsförmedlingen: a member that pays nothing itself (the state pays through FK).</summary>
    Af,
    /// <summary>A region (formerly landsting), identified by its county code.</summary>
    Region,
    /// <summary>A municipality, identified by its SCB code.</summary>
    Municipality,
}
