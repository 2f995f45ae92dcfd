using System.Security.Cryptography;
using System.Text;

namespace Samordna.Core.Measurement;

/// <summary>How an item is answered.</summary>
public enum ItemKind
{
    /// <summary>One answer on the item's scale.</summary>
    Single,
    /// <summary>Any number of the item's options (e.g. forms of collaboration).</summary>
    Multi,
    /// <summary>A single answer that ends the survey on the answers listed in EndsSurveyOn.</summary>
    Screening,
}

/// <summary>
/// One question with its exact wording. Items are locked: the wording, stem and scale of a code and version
/// never change; a new wording is a new version, and only equal fingerprints are compared across rounds.
/// </summary>
public sealed record Item(
    string Code,
    int Version,
    ItemKind Kind,
    string Wording,
    string? Stem,
    string Scale,
    string? Help,
    string Block,
    IReadOnlyList<string> EndsSurveyOn)
{
    /// <summary>A hash of everything a respondent reads, so a silent rewording is caught.</summary>
    public string Fingerprint(Scale scale) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\u001f', [Kind.ToString(), Stem ?? "", Wording, scale.Code, .. scale.Steps.Select(s => $"{s.Code}={s.Label}"), .. scale.NonSubstantive.Select(s => $"{s.Code}={s.Label}")]))))[..16];
}

/// <summary>A versioned questionnaire with its provenance, items and the scales they use.</summary>
public sealed record Instrument(
    string Code,
    int Version,
    string Title,
    string Provenance,
    IReadOnlyList<string> RespondentKinds,
    IReadOnlyList<Scale> Scales,
    IReadOnlyList<Item> Items)
{
    public Scale ScaleOf(Item item) => Scales.First(s => s.Code == item.Scale);
    public Item? FindItem(string code) => Items.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
}
