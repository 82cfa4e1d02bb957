using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.Teams;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.FrontDoor;

/// <summary>A front door with a practitioner, a manager, an assessment team and an early help locality.</summary>
public abstract class FrontDoorTestBase(AppFactory factory) : IntegrationTest(factory)
{
    protected Guid Practitioner { get; private set; }

    protected Guid Manager { get; private set; }

    protected Guid AssessmentManager { get; private set; }

    protected Guid FrontDoorTeam { get; private set; }

    protected Guid AssessmentTeam { get; private set; }

    protected Guid EarlyHelpTeam { get; private set; }

    protected FrontDoorSettings Settings => Factory.Services.GetRequiredService<FrontDoorSettings>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Settings.DecisionsNeedManagerSignOff = false;
        Settings.RecentContactAlertDays = 30;
        Practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        Manager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        AssessmentManager = await CreateUserAsync(Roles.TeamManager, "Ruth Adeyemi");
        FrontDoorTeam = await NewTeamAsync("Front Door", TeamKind.FrontDoor, Manager, Practitioner);
        AssessmentTeam = await NewTeamAsync("Assessment", TeamKind.Assessment, AssessmentManager);
        EarlyHelpTeam = await NewTeamAsync("Early Help North", TeamKind.EarlyHelp, Manager);
    }

    public override async ValueTask DisposeAsync()
    {
        Settings.DecisionsNeedManagerSignOff = false;
        await base.DisposeAsync();
    }

    /// <summary>A social worker in the assessment team, where the front door's referrals go.</summary>
    protected async Task<Guid> AssessmentSocialWorkerAsync(string name = "Grace Okafor-Lyle")
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, name);
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(worker);
            await db.SaveChangesAsync();
        });
        return worker;
    }

    protected async Task<Guid> NewTeamAsync(string name, TeamKind kind, Guid manager, params Guid[] members)
    {
        var team = new Team(name, kind, 20);
        team.AppointManager(manager);
        foreach (var m in members)
        {
            team.AddMember(m);
        }

        await WithDbAsync(async db =>
        {
            db.Teams.Add(team);
            await db.SaveChangesAsync();
        });
        return team.Id;
    }

    protected static RecordContact.Command NewContact(DateTime receivedLocal, Guid? childId = null) => new()
    {
        Route = ContactRoute.PhoneConsultation,
        ReceivedDate = DateOnly.FromDateTime(receivedLocal),
        ReceivedTime = receivedLocal.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ReferrerName = "Mrs Okonjo",
        ReferrerAgency = "Northbridge Primary School",
        ReferrerRole = "Designated safeguarding lead",
        ReferralSourceCode = "2A",
        Concerns = "Riley came to school hungry three days running and has a bruise on the arm.",
        Worries = "Nobody collected Riley on Friday.",
        Consent = ConsentToShare.Given,
        Urgency = ContactUrgency.Routine,
        ChildId = childId,
    };

    /// <summary>A contact about a new child, received at 09:30 on the fake clock's day (Tuesday 24 November 2026).</summary>
    protected async Task<(Guid ContactId, Guid ChildId)> ContactAboutNewChildAsync(string givenNames = "Riley", string familyName = "Taylor")
    {
        var child = await CreateChildAsync(Practitioner, givenNames, familyName);
        var contact = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 24, 9, 30, 0), child));
        return (contact, child);
    }

    protected Task<Guid> ContactVersionAsync(Guid contactId) =>
        WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.Version).SingleAsync());

    protected async Task<string> DecideAsync(Guid user, Guid contactId, ContactOutcome outcome, string? correction = null, string rationale = "Threshold met for an assessment: unexplained bruising and neglect indicators.") =>
        await SendAsUserAsync(user, new DecideContact.Command
        {
            ContactId = contactId,
            Version = await ContactVersionAsync(contactId),
            Outcome = outcome,
            Rationale = rationale,
            ReferralSourceCode = outcome.OpensReferral() ? "2A" : null,
            PrimaryNeedCode = outcome.OpensReferral() ? "N1" : null,
            TeamId = outcome.OpensReferral() ? AssessmentTeam : outcome == ContactOutcome.EarlyHelp ? EarlyHelpTeam : null,
            CorrectionReason = correction,
        });
}
