using System.Net;
using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Teams;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Allocations;

/// <summary>
/// Transfer between teams with a handover note: the sending team keeps the case until a manager of the
/// receiving team accepts and allocates, or declines with a reason; the history stays on the record.
/// </summary>
public sealed class TransferTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;
    private Guid keyworker;
    private Guid cinManager;
    private Guid cinWorker;
    private Guid cinTeam;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        cinManager = await CreateUserAsync(Roles.TeamManager, "Ayo Bankole");
        cinWorker = await CreateUserAsync(Roles.SocialWorker, "Nell Carrow");
        cinTeam = await NewTeamAsync("Children in need team 2", TeamKind.ChildInNeedAndProtection, cinManager, cinWorker);
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A referred child held by the assessment team's social worker, with the keyworker co-working from early help.</summary>
    private async Task<Guid> ChildHeldByAssessmentAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        await WithDbAsync(async db =>
        {
            // As a step-up leaves it: the early help keyworker co-working beside the social worker.
            db.Allocations.Add(new Allocation(childId, keyworker, EarlyHelpTeam, AllocationRole.CoWorker, Today, Manager));
            await db.SaveChangesAsync();
        });
        return childId;
    }

    private TransferCase.Command Transfer(Guid childId, Guid? to = null, string? note = "Assessment complete: CIN plan agreed at the network meeting. Risks: dad's drinking at weekends. Next: CIN review on 8 December; mum prefers afternoon visits.") =>
        new() { PersonId = childId, ToTeamId = to ?? cinTeam, HandoverNote = note };

    private Task<Guid> VersionAsync(Guid transferId) => WithDbAsync(db => db.CaseTransfers.Where(t => t.Id == transferId).Select(t => t.Version).SingleAsync());

    [Fact]
    public async Task Transfer_WithoutAHandoverNote_OrToTheSameTeam_OrByAnyoneButAManagerHoldingTheCase_IsRefused()
    {
        var childId = await ChildHeldByAssessmentAsync();

        var noNote = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(AssessmentManager, Transfer(childId, note: "  ")));
        var sameTeam = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(AssessmentManager, Transfer(childId, to: AssessmentTeam)));
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(cinManager, Transfer(childId, to: EarlyHelpTeam)));
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(socialWorker, Transfer(childId)));

        Assert.Contains(noNote.Errors, e => e.PropertyName == "HandoverNote" && e.ErrorMessage == "Write the handover note for the new team");
        Assert.Equal(("ToTeamId", "Choose a different team: the case is already with this one"), (sameTeam.Field, sameTeam.Message));
        Assert.Equal(0, await WithDbAsync(db => db.CaseTransfers.CountAsync()));
    }

    [Fact]
    public async Task Transfer_TheSendingTeamKeepsTheCase_UntilTheReceivingManagerAccepts()
    {
        var childId = await ChildHeldByAssessmentAsync();

        var transferId = await SendAsUserAsync(AssessmentManager, Transfer(childId));

        var record = await SendAsUserAsync(AssessmentManager, new GetPersonRecord.Query(childId));
        Assert.Equal("Grace Okafor-Lyle", record.Lead!.WorkerName);
        var incoming = Assert.Single((await SendAsUserAsync(cinManager, new GetTeamTransfers.Query())).Incoming);
        Assert.Equal((transferId, "Riley Taylor", "Assessment"), (incoming.Id, incoming.Children, incoming.FromTeam));
        Assert.Single((await SendAsUserAsync(AssessmentManager, new GetTeamTransfers.Query())).Sent);
        Assert.Single(await SendAsUserAsync(cinManager, new Application.Notifications.GetMyNotifications.Query()));
        var again = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(AssessmentManager, Transfer(childId, to: EarlyHelpTeam)));
        Assert.Contains("already waiting", again.Message);
    }

    [Fact]
    public async Task AcceptTransfer_EndsTheSendingTeamsAllocation_AllocatesTheNewLead_MovesTheReferral_AndKeepsTheKeyworker()
    {
        var childId = await ChildHeldByAssessmentAsync();
        var transferId = await SendAsUserAsync(AssessmentManager, Transfer(childId));
        Factory.Clock.Advance(TimeSpan.FromDays(1));

        var message = await SendAsUserAsync(cinManager, new AcceptTransfer.Command { TransferId = transferId, Version = await VersionAsync(transferId), WorkerId = cinWorker });

        Assert.Equal("Transfer accepted: Nell Carrow now holds the case in Children in need team 2.", message);
        var allocations = await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == childId).ToListAsync());
        var old = allocations.Single(a => a.WorkerId == socialWorker);
        Assert.Equal(Today.AddDays(1), old.EndedOn);
        var lead = allocations.Single(a => a.EndedOn == null && a.Role == AllocationRole.Lead);
        Assert.Equal((cinWorker, cinTeam, Today.AddDays(1)), (lead.WorkerId, lead.TeamId, lead.StartedOn));
        Assert.Contains(allocations, a => a.WorkerId == keyworker && a.EndedOn == null && a.Role == AllocationRole.CoWorker);
        Assert.Equal(cinTeam, await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.TeamId).SingleAsync()));

        var history = await SendAsUserAsync(socialWorker, new GetAllocationHistory.Query(childId));
        Assert.Equal(
            [("Grace Okafor-Lyle", "Assessment", true), ("Nell Carrow", "Children in need team 2", false), ("Tom Ashdown", "Early Help North", false)],
            history.Allocations.Select(a => (a.Worker, a.Team, a.EndedOn is not null)).OrderBy(a => a.Worker));
        var transfer = Assert.Single(history.Transfers);
        Assert.Equal((TransferStatus.Accepted, "Ayo Bankole", "Nell Carrow"), (transfer.Status, transfer.DecidedBy, transfer.NewWorker));
        Assert.StartsWith("Assessment complete: CIN plan agreed", transfer.HandoverNote);
        Assert.Single(await SendAsUserAsync(AssessmentManager, new Application.Notifications.GetMyNotifications.Query()));
    }

    [Fact]
    public async Task AcceptTransfer_ByAManagerOfAnotherTeam_OrToAWorkerOutsideTheReceivingTeam_IsRefused()
    {
        var childId = await ChildHeldByAssessmentAsync();
        var transferId = await SendAsUserAsync(AssessmentManager, Transfer(childId));

        var outsider = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(cinManager, new AcceptTransfer.Command { TransferId = transferId, Version = await VersionAsync(transferId), WorkerId = socialWorker }));
        var notReceiving = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(Manager, new AcceptTransfer.Command { TransferId = transferId, Version = await VersionAsync(transferId), WorkerId = cinWorker }));
        var noWorker = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(cinManager, new AcceptTransfer.Command { TransferId = transferId, Version = await VersionAsync(transferId) }));

        Assert.Contains(outsider.Errors, e => e.PropertyName == "WorkerId" && e.ErrorMessage == "Select a worker in the receiving team");
        Assert.Contains(noWorker.Errors, e => e.PropertyName == "WorkerId" && e.ErrorMessage == "Select the worker who will hold the case");
        Assert.Equal("Only a manager of the receiving team can accept or decline a transfer", notReceiving.Message);
        Assert.Equal(TransferStatus.Pending, await WithDbAsync(db => db.CaseTransfers.Select(t => t.Status).SingleAsync()));
        Assert.Equal(socialWorker, await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == childId && a.Role == AllocationRole.Lead && a.EndedOn == null).Select(a => a.WorkerId).SingleAsync()));
    }

    [Fact]
    public async Task DeclineTransfer_NeedsAReason_AndTheSendingTeamKeepsTheCaseAndReadsWhy()
    {
        var childId = await ChildHeldByAssessmentAsync();
        var transferId = await SendAsUserAsync(AssessmentManager, Transfer(childId));

        var noReason = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(cinManager, new DeclineTransfer.Command { TransferId = transferId, Version = await VersionAsync(transferId), Reason = "" }));
        Assert.Contains(noReason.Errors, e => e.PropertyName == "Reason");
        await SendAsUserAsync(cinManager, new DeclineTransfer.Command { TransferId = transferId, Version = await VersionAsync(transferId), Reason = "The assessment is not authorised yet: transfer once the manager has signed it off." });

        Assert.Equal(socialWorker, await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == childId && a.Role == AllocationRole.Lead && a.EndedOn == null).Select(a => a.WorkerId).SingleAsync()));
        var sent = Assert.Single((await SendAsUserAsync(AssessmentManager, new GetTeamTransfers.Query())).Sent);
        Assert.Equal((TransferStatus.Declined, "The assessment is not authorised yet: transfer once the manager has signed it off."), (sent.Status, sent.DeclineReason));
        Assert.Empty((await SendAsUserAsync(cinManager, new GetTeamTransfers.Query())).Incoming);
        var history = Assert.Single((await SendAsUserAsync(socialWorker, new GetAllocationHistory.Query(childId))).Transfers);
        Assert.Equal(("Ayo Bankole", TransferStatus.Declined), (history.DecidedBy, history.Status));
    }

    [Fact]
    public async Task Transfer_OfAnEarlyHelpFamily_MovesTheWholeEpisode_AndOnlyTheSiblingsChosen()
    {
        var riley = await CreateChildAsync(Manager, "Riley", "Taylor");
        var jordan = await CreateChildAsync(Manager, "Jordan", "Taylor");
        var alex = await CreateChildAsync(Manager, "Alex", "Taylor");
        await SendAsUserAsync(Manager, new AddRelationship.Command { PersonId = riley, RelatedPersonId = jordan, Kind = RelationshipKind.Sibling, SameHousehold = true });
        await SendAsUserAsync(Manager, new AddRelationship.Command { PersonId = riley, RelatedPersonId = alex, Kind = RelationshipKind.HalfSibling });
        var episode = new EarlyHelpEpisode("Taylor family", EpisodeKind.EarlyHelp, null, EpisodeStart.PartnerRequest, null, Today, EarlyHelpTeam, keyworker, [riley, jordan]);
        await WithDbAsync(async db =>
        {
            db.EarlyHelpEpisodes.Add(episode);
            foreach (var child in new[] { riley, jordan, alex })
            {
                db.Allocations.Add(new Allocation(child, keyworker, EarlyHelpTeam, AllocationRole.Lead, Today, Manager));
            }

            await db.SaveChangesAsync();
        });
        var southManager = await CreateUserAsync(Roles.TeamManager, "Lena Ortiz");
        var southKeyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Cal Brennan");
        var south = await NewTeamAsync("Early Help South", TeamKind.EarlyHelp, southManager, southKeyworker);

        var options = await SendAsUserAsync(Manager, new GetTransferOptions.Query(riley));
        Assert.Equal("Early Help North", options.FromTeam!.Name);
        Assert.Equal(["Jordan Taylor"], options.FamilyInEpisode.Select(s => s.Name));
        Assert.Equal(["Alex Taylor"], options.Siblings.Select(s => s.Name));
        var transferId = await SendAsUserAsync(Manager, Transfer(riley, to: south));
        await SendAsUserAsync(southManager, new AcceptTransfer.Command { TransferId = transferId, Version = await VersionAsync(transferId), WorkerId = southKeyworker });

        var moved = await WithDbAsync(db => db.EarlyHelpEpisodes.SingleAsync(e => e.Id == episode.Id));
        Assert.Equal((south, southKeyworker), (moved.TeamId, moved.KeyworkerId));
        var held = await WithDbAsync(db => db.Allocations.Where(a => a.EndedOn == null).ToDictionaryAsync(a => a.ChildId, a => a.WorkerId));
        Assert.Equal(southKeyworker, held[riley]);
        Assert.Equal(southKeyworker, held[jordan]);
        Assert.Equal(keyworker, held[alex]);
    }

    [Fact]
    public async Task TransferPages_BlankNoteKeepsTheTeam_ThenTheReceivingManagerAcceptsFromTheTeamPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var childId = await ChildHeldByAssessmentAsync();
        var sender = ClientFor(AssessmentManager);
        var form = await (await sender.GetAsync($"/People/{childId}/Transfer", ct)).Content.ReadAsStringAsync(ct);
        Assert.Contains("Children in need team 2", form, StringComparison.Ordinal);

        var blank = await PostFormAsync(sender, $"/People/{childId}/Transfer", [F("Input.ToTeamId", cinTeam.ToString()), F("Input.HandoverNote", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var blankPage = await blank.Content.ReadAsStringAsync(ct);
        Assert.Contains("Write the handover note for the new team", blankPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{cinTeam}\" selected", blankPage, StringComparison.Ordinal);
        var sent = await PostFormAsync(sender, $"/People/{childId}/Transfer", [F("Input.ToTeamId", cinTeam.ToString()), F("Input.HandoverNote", "Handover: <script>alert(1)</script> CIN plan agreed.")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var receiver = ClientFor(cinManager);
        var team = await (await receiver.GetAsync("/Team", ct)).Content.ReadAsStringAsync(ct);
        Assert.Contains("Transfers waiting for you (1)", team, StringComparison.Ordinal);
        var transferId = await WithDbAsync(db => db.CaseTransfers.Select(t => t.Id).SingleAsync());
        var page = await (await receiver.GetAsync($"/Transfers/{transferId}", ct)).Content.ReadAsStringAsync(ct);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; CIN plan agreed.", page, StringComparison.Ordinal);
        Assert.Contains("Nell Carrow: 0 of 20 cases", page, StringComparison.Ordinal);
        var version = (await VersionAsync(transferId)).ToString();

        // A second tab, left open on "Decline" while the transfer is accepted in the first.
        var declineUrl = $"/Transfers/{transferId}/Decline";
        var declineTab = FormPostingTo(await PageAsync(receiver, declineUrl), declineUrl, declineUrl);

        var none = await PostFormAsync(receiver, $"/Transfers/{transferId}", [F("Input.Version", version)]);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Select the worker who will hold the case", await none.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var accepted = await PostFormAsync(receiver, $"/Transfers/{transferId}", [F("Input.Version", version), F("Input.WorkerId", cinWorker.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var history = await (await ClientFor(socialWorker).GetAsync($"/People/{childId}/Allocations", ct)).Content.ReadAsStringAsync(ct);
        Assert.Contains("Assessment to Children in need team 2", history, StringComparison.Ordinal);
        Assert.Contains("allocated to Nell Carrow", history, StringComparison.Ordinal);
        Assert.Contains("Grace Okafor-Lyle", history, StringComparison.Ordinal);

        var stale = await SubmitAsync(receiver, declineTab, [F("Input.Version", version), F("Input.Reason", "Too late.")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }
}
