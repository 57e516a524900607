using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Portal.Pages.Work;

/// <summary>
/// The workbench's part of 电子监察: the case's 督办 notes, which the department's officers (or head) answer here,
/// each once. Read after the case; when they cannot be read the case still shows, and the section says so.
/// </summary>
public sealed partial class CaseModel
{
    public static readonly string[] AnswerFields = ["answer"];

    public IReadOnlyList<SupervisionNote>? Notes { get; private set; }

    /// <summary>The note whose answer was refused, to show the refusal and the typed answer beside it.</summary>
    public string? RefusedNote { get; private set; }
    public ServiceRefusal? NoteRefusal { get; private set; }

    [BindProperty] public string? NoteId { get; set; }
    [BindProperty] public string? Answer { get; set; }

    public bool AnswersNotes => User.IsInRole(HallRoles.Officer) || User.IsInRole(HallRoles.DepartmentHead);

    protected override async Task ShownAsync(Application shown, CallOptions options)
    {
        try
        {
            Notes = [.. (await supervision.ListSupervisionNotesAsync(new ListSupervisionNotesRequest { TrackingNumber = shown.TrackingNumber }, options)).Notes];
        }
        catch (RpcException e) when (e.StatusCode != RpcCode.Cancelled)
        {
            Notes = null;
        }
    }

    public async Task<IActionResult> OnPostAnswerNoteAsync(string number)
    {
        if (await SendAsync(async () => await supervision.AnswerSupervisionNoteAsync(
                new AnswerSupervisionNoteRequest { NoteId = Text(NoteId), Answer = Text(Answer) }, await Calls.AsUserAsync(HttpContext))) is not { } refusal)
        {
            return new SeeOther(CaseLinks.Work(number) + "#notes");
        }
        NoteRefusal = refusal;
        RefusedNote = NoteId;
        var page = await ShowAsync(number);
        if (page is PageResult && Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = NoteRefusal.HttpStatus;
        }
        return page;
    }
}
