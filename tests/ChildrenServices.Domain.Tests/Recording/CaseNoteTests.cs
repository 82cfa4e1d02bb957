using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Domain.Recording;
using Xunit;

namespace ChildrenServices.Domain.Tests.Recording;

public class CaseNoteTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Guid Child = Guid.CreateVersion7();
    private static readonly Guid Worker = Guid.CreateVersion7();
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    private static CaseNote Note(DateOnly? occurredOn = null, string title = "Home visit", string text = "Seen at home.", bool seen = true, bool alone = false) =>
        new(Child, CaseNoteType.Visit, occurredOn ?? Today, new TimeOnly(14, 30), title, text, "Riley; mum", seen, alone, significant: true, Worker, Now, Today);

    [Fact]
    public void Create_HappenedEarlier_KeepsWhenItHappenedApartFromWhenItWasRecorded()
    {
        var note = Note(Today.AddDays(-3));

        Assert.Equal(Today.AddDays(-3), note.OccurredOn);
        Assert.Equal(new TimeOnly(14, 30), note.OccurredAt);
        Assert.Equal(Now, note.RecordedAtUtc);
        Assert.True(note.Significant);
    }

    [Fact]
    public void Create_HappensTomorrow_RefusedOnTheDateField()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Note(Today.AddDays(1)));

        Assert.Equal(nameof(CaseNote.OccurredOn), ex.Field);
        Assert.Equal("The date it happened must be today or in the past", ex.Message);
    }

    [Theory]
    [InlineData("", "Seen.", "Title")]
    [InlineData("Visit", "  ", "Text")]
    public void Create_BlankTitleOrText_Refused(string title, string text, string field)
    {
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => Note(title: title, text: text)).Field);
    }

    [Theory]
    [InlineData(CaseNote.TextLimit, false)]
    [InlineData(CaseNote.TextLimit + 1, true)]
    public void Create_TextAtAndOverTheLimit(int length, bool refused)
    {
        var text = new string('a', length);

        if (refused)
        {
            Assert.Equal("The note must be 50,000 characters or fewer", Assert.Throws<DomainRuleException>(() => Note(text: text)).Message);
        }
        else
        {
            Assert.Equal(length, Note(text: text).Text.Length);
        }
    }

    [Fact]
    public void Create_SeenAloneButNotSeen_Refused()
    {
        Assert.Equal(nameof(CaseNote.ChildSeen), Assert.Throws<DomainRuleException>(() => Note(seen: false, alone: true)).Field);
    }

    [Fact]
    public void AddAddendum_KeepsTheNoteAsWrittenAndAddsBeneathIt()
    {
        var note = Note(text: "Mum said the boiler was fixed.");

        note.AddAddendum("Correction: the landlord fixed it, not mum.", Worker, Now.AddDays(2));

        Assert.Equal("Mum said the boiler was fixed.", note.Text);
        var addendum = Assert.Single(note.Addenda);
        Assert.Equal(note.Id, addendum.CaseNoteId);
        Assert.Equal(Now.AddDays(2), addendum.RecordedAtUtc);
    }

    [Fact]
    public void AddAddendum_Blank_Refused()
    {
        var note = Note();

        Assert.Throws<DomainRuleException>(() => note.AddAddendum(" ", Worker, Now));
        Assert.Empty(note.Addenda);
    }

    [Fact]
    public void Draft_Save_ReplacesTheFieldsAndTheTime()
    {
        var draft = new FormDraft(Worker, "/People/NewNote", Child, DraftScope.Person, Child, "{\"Input.Text\":[\"first\"]}", Now);

        draft.Save(DraftScope.Person, Child, "{\"Input.Text\":[\"second\"]}", Now.AddMinutes(1));

        Assert.Equal("{\"Input.Text\":[\"second\"]}", draft.Fields);
        Assert.Equal(Now.AddMinutes(1), draft.UpdatedAtUtc);
    }
}
