using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Structures;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

/// <summary>A document's description. ReviewOn is text so a mistyped date is answered in Swedish, not dropped.</summary>
public sealed record DocumentRequest(string? Kind, string? Title, string? Description, string? Owner, string? ReviewOn, bool IsPublic, int? Revision = null);

/// <summary>The content of a new version: an uploaded file, or text written in the form (saved as a .md file).</summary>
public sealed record DocumentContent(string? FileName, byte[]? File, string? Text, string? Note);

public sealed record DocumentView(StructureDocument Document, StructureDocumentVersion Latest, ReviewState Review, string ReviewText);

/// <summary>Templates and guides: every upload or text is a new numbered version; old versions stay downloadable.</summary>
public sealed class StructureDocuments(SamordnaDb db, StructureQueries queries, AuditActor actor)
{
    public async Task<List<DocumentView>> ListAsync(int associationId, bool publicOnly)
    {
        // The versions' content stays in the database: listing reads only their descriptions.
        var documents = await db.StructureDocuments.AsNoTracking().Where(d => d.AssociationId == associationId && (!publicOnly || d.IsPublic))
            .OrderBy(d => d.Kind).ThenBy(d => d.Title).ToListAsync();
        var ids = documents.Select(d => d.Id).ToList();
        var versions = await db.StructureDocumentVersions.AsNoTracking().Where(v => ids.Contains(v.DocumentId))
            .Select(v => new StructureDocumentVersion { Id = v.Id, DocumentId = v.DocumentId, Version = v.Version, FileName = v.FileName, ContentType = v.ContentType, Size = v.Size, Note = v.Note, CreatedAt = v.CreatedAt, CreatedBy = v.CreatedBy })
            .ToListAsync();
        var today = queries.Today;
        return documents.Select(d =>
        {
            d.Versions = versions.Where(v => v.DocumentId == d.Id).OrderByDescending(v => v.Version).ToList();
            var review = DocumentRules.Review(d.ReviewOn, today);
            return new DocumentView(d, d.Versions.First(), review, DocumentRules.Describe(review, d.ReviewOn));
        }).Where(v => v.Document.Versions.Count > 0).ToList();
    }

    public async Task<DocumentView?> FindAsync(int associationId, int documentId) =>
        (await ListAsync(associationId, publicOnly: false)).SingleOrDefault(v => v.Document.Id == documentId);

    /// <summary>One version's file; null when the document is not the association's (or not public when asked publicly).</summary>
    public Task<StructureDocumentVersion?> ContentAsync(int associationId, int documentId, int? version, bool publicOnly) =>
        db.StructureDocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == documentId && (version == null || v.Version == version)
                        && db.StructureDocuments.Any(d => d.Id == documentId && d.AssociationId == associationId && (!publicOnly || d.IsPublic)))
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync();

    public async Task<Result<StructureDocument>> CreateAsync(int associationId, DocumentRequest request, DocumentContent content)
    {
        var document = new StructureDocument { AssociationId = associationId };
        var input = new Input();
        Describe(input, document, request);
        var version = Version(input, content, 1);
        if (!input.IsValid) return Result<StructureDocument>.Fail(input.Errors);
        document.Versions.Add(version!);
        db.StructureDocuments.Add(document);
        await db.SaveChangesAsync();
        return Result<StructureDocument>.Ok(document);
    }

    public async Task<Result<StructureDocument>?> UpdateAsync(int associationId, int documentId, DocumentRequest request)
    {
        if (await db.StructureDocuments.SingleOrDefaultAsync(d => d.Id == documentId && d.AssociationId == associationId) is not { } document) return null;
        if (Revisions.IsStale(request.Revision, document.Revision)) return Result<StructureDocument>.Fail([Revisions.Conflict("dokumentet")]);
        var input = new Input();
        Describe(input, document, request);
        if (!input.IsValid) return Result<StructureDocument>.Fail(input.Errors);
        document.Revision++;
        var errors = await Revisions.SaveAsync(db, "dokumentet");
        return errors.Count == 0 ? Result<StructureDocument>.Ok(document) : Result<StructureDocument>.Fail(errors);
    }

    /// <summary>A new version; the revision read protects against two people uploading "the next version" at once.</summary>
    public async Task<Result<StructureDocumentVersion>?> AddVersionAsync(int associationId, int documentId, DocumentContent content, int? revision)
    {
        if (await db.StructureDocuments.SingleOrDefaultAsync(d => d.Id == documentId && d.AssociationId == associationId) is not { } document) return null;
        if (Revisions.IsStale(revision, document.Revision)) return Result<StructureDocumentVersion>.Fail([Revisions.Conflict("dokumentet")]);
        var input = new Input();
        var number = await db.StructureDocumentVersions.Where(v => v.DocumentId == documentId).MaxAsync(v => v.Version) + 1;
        var version = Version(input, content, number);
        if (!input.IsValid) return Result<StructureDocumentVersion>.Fail(input.Errors);
        version!.DocumentId = documentId;
        db.StructureDocumentVersions.Add(version);
        document.Revision++;
        var errors = await Revisions.SaveAsync(db, "dokumentet");
        return errors.Count == 0 ? Result<StructureDocumentVersion>.Ok(version) : Result<StructureDocumentVersion>.Fail(errors);
    }

    private static void Describe(Input input, StructureDocument document, DocumentRequest r)
    {
        var kind = input.Choice<DocumentKind>("kind", "slag av dokument", r.Kind, DocumentRules.Swedish, DocumentKind.Other);
        var title = input.Required("title", "dokumentets namn", r.Title, 200);
        var description = input.Optional("description", "beskrivning", r.Description, 2000);
        var owner = input.Required("owner", "ägare (person eller roll)", r.Owner, 200);
        var reviewOn = input.Date("reviewOn", "granskningsdatum", r.ReviewOn);
        input.Add(PersonalDataPatterns.CheckFields([("description", "Beskrivningen", description)], "Dokumentbeskrivningar ska inte handla om enskilda personer."));
        if (!input.IsValid) return;
        (document.Kind, document.Title, document.Description, document.Owner, document.ReviewOn, document.IsPublic) = (kind, title, description, owner, reviewOn, r.IsPublic);
    }

    private StructureDocumentVersion? Version(Input input, DocumentContent content, int number)
    {
        var note = input.Optional("note", "kommentar till versionen", content.Note, 500);
        byte[] bytes;
        string fileName;
        if (content.File is { Length: > 0 } || !string.IsNullOrEmpty(content.FileName))
        {
            (bytes, fileName) = (content.File ?? [], Path.GetFileName(content.FileName ?? "").Trim());
            input.Add(DocumentRules.CheckFile("file", fileName, bytes));
        }
        else if (!string.IsNullOrWhiteSpace(content.Text))
        {
            bytes = Encoding.UTF8.GetBytes(content.Text.Replace("\r\n", "\n"));
            fileName = "text.md";
            input.Add(DocumentRules.CheckFile("text", fileName, bytes));
        }
        else
        {
            input.Errors.Add(new("file", $"Ladda upp en fil ({DocumentRules.Allowed}) eller skriv dokumentets text."));
            return null;
        }
        if (!input.IsValid) return null;
        return new StructureDocumentVersion
        {
            Version = number, FileName = fileName, ContentType = DocumentRules.ContentTypeOf(fileName), Size = bytes.Length, Content = bytes, Note = note, CreatedBy = actor.Name,
        };
    }
}
