using Samordna.Core.Structures;

namespace Samordna.Web.Data;

// Documents, events and sent reminders of collaboration structures (issue 6 items 8–9, reminders). Migration M0012.

/// <summary>A template or guide of the association (invitation, action-plan template, checklist …); its content lives in versions.</summary>
public sealed class StructureDocument
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public DocumentKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>The person or role who keeps the document up to date, e.g. "Samverkanskoordinator Vetlanda".</summary>
    public string Owner { get; set; } = "";
    public DateOnly? ReviewOn { get; set; }
    /// <summary>Public documents are listed and downloadable on the public "vägen in" without sign-in.</summary>
    public bool IsPublic { get; set; }
    public int Revision { get; set; }
    public List<StructureDocumentVersion> Versions { get; set; } = [];
}

/// <summary>One uploaded file or written text. A new upload is a new version; old ones are kept and downloadable.</summary>
public sealed class StructureDocumentVersion
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int Version { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public int Size { get; set; }
    public byte[] Content { get; set; } = [];
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string? CreatedBy { get; set; }
}

/// <summary>An information day, inspiration day or breakfast meeting the association holds.</summary>
public sealed class CollaborationEvent
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public EventKind Kind { get; set; }
    public string Title { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public string? Place { get; set; }
    public string Organiser { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>The measurement round that evaluates the event (a survey from the item bank), when there is one.</summary>
    public int? SurveyRoundId { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public DateOnly? FollowUpDoneOn { get; set; }
    public string? FollowUpNote { get; set; }
    public int Revision { get; set; }
    public List<EventParticipation> Participants { get; set; } = [];
}

/// <summary>How many came from one organisation (party).</summary>
public sealed class EventParticipation
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string Party { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>A reminder that was e-mailed, so the same one is never sent twice.</summary>
public sealed class SentReminder
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public string Key { get; set; } = "";
    public string Recipients { get; set; } = "";
    public DateTime SentAt { get; set; }
}
