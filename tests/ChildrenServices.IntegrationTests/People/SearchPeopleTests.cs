using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using ChildrenServices.IntegrationTests.Infrastructure;

namespace ChildrenServices.IntegrationTests.People;

public sealed class SearchPeopleTests(AppFactory factory) : IntegrationTest(factory)
{
    [Theory]
    [InlineData("zoe obrien")]
    [InlineData("OBRIEN")]
    [InlineData("O'Brien")]
    [InlineData("Zoë")]
    [InlineData("zo bri")]
    public async Task Search_PartOfTheNameInAnyCaseOrAccent_FindsThePerson(string name)
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var zoe = await CreateChildAsync(practitioner, "Zoë", "O'Brien");
        await CreateChildAsync(practitioner, "Sam", "Smith");

        var result = await SendAsUserAsync(practitioner, new SearchPeople.Query { Name = name });

        var match = Assert.Single(result.Matches);
        Assert.Equal(zoe, match.Id);
        Assert.Equal("Zoë", match.GivenNames);
        Assert.Null(match.OtherNameMatched);
    }

    [Fact]
    public async Task Search_PreviousName_FindsThePersonAndSaysWhichNameMatched()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var child = await CreateChildAsync(practitioner, "Riley", "Taylor");
        await SendAsUserAsync(practitioner, new ChangeName.Command
        {
            PersonId = child,
            Version = await VersionOfAsync(child),
            GivenNames = "Riley",
            FamilyName = "Evans",
            ChangedOn = Today.AddDays(-10),
        });

        var byOldName = await SendAsUserAsync(practitioner, new SearchPeople.Query { Name = "taylor" });
        var byNewName = await SendAsUserAsync(practitioner, new SearchPeople.Query { Name = "evans" });

        var match = Assert.Single(byOldName.Matches);
        Assert.Equal(child, match.Id);
        Assert.Equal("Evans", match.FamilyName);
        Assert.Equal("Riley Taylor", match.OtherNameMatched);
        Assert.Null(Assert.Single(byNewName.Matches).OtherNameMatched);
    }

    [Fact]
    public async Task Search_Alias_FindsThePerson()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var child = await CreateChildAsync(practitioner, "Riley", "Taylor");
        await SendAsUserAsync(practitioner, new ChangeName.Command
        {
            PersonId = child,
            Version = await VersionOfAsync(child),
            GivenNames = "Ri",
            FamilyName = "Kowalczyk",
            IsAlias = true,
        });

        var result = await SendAsUserAsync(practitioner, new SearchPeople.Query { Name = "kowalczyk" });

        var match = Assert.Single(result.Matches);
        Assert.Equal(child, match.Id);
        Assert.Equal("Ri Kowalczyk", match.OtherNameMatched);
    }

    [Fact]
    public async Task Search_DateOfBirth_FindsOnlyThoseBornThatDay()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var born = await CreateChildAsync(practitioner, "Ada", "Jones", new DateOnly(2015, 7, 1));
        await CreateChildAsync(practitioner, "Bea", "Jones", new DateOnly(2015, 7, 2));

        var result = await SendAsUserAsync(practitioner, new SearchPeople.Query { DateOfBirth = new DateOnly(2015, 7, 1) });

        Assert.Equal(born, Assert.Single(result.Matches).Id);
    }

    [Theory]
    [InlineData("943 476 5919")]
    [InlineData("9434765919")]
    [InlineData("943-476-5919")]
    public async Task Search_NhsNumberAsTyped_FindsThePerson(string typed)
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var child = await CreateChildAsync(practitioner, "Ada", "Jones", nhsNumber: "943 476 5919");
        await CreateChildAsync(practitioner, "Bea", "Jones", nhsNumber: "401 023 2137");

        var result = await SendAsUserAsync(practitioner, new SearchPeople.Query { Identifier = typed });

        var match = Assert.Single(result.Matches);
        Assert.Equal(child, match.Id);
        Assert.Equal("9434765919", match.NhsNumber);
    }

    [Fact]
    public async Task Search_UniquePupilNumber_FindsThePerson()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var child = await SendAsUserAsync(practitioner, NewChild("Ada", "Jones") with { UniquePupilNumber = "P207000016049", ConfirmedNotDuplicate = true });
        await CreateChildAsync(practitioner, "Bea", "Jones");

        var result = await SendAsUserAsync(practitioner, new SearchPeople.Query { Identifier = "p207000016049" });

        Assert.Equal(child, Assert.Single(result.Matches).Id);
    }

    [Fact]
    public async Task Search_NameAndDateOfBirth_MatchesBoth()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var wanted = await CreateChildAsync(practitioner, "Ada", "Jones", new DateOnly(2015, 7, 1));
        await CreateChildAsync(practitioner, "Ada", "Jones", new DateOnly(2012, 2, 2));
        await CreateChildAsync(practitioner, "Bea", "Smith", new DateOnly(2015, 7, 1));

        var result = await SendAsUserAsync(practitioner, new SearchPeople.Query { Name = "jones", DateOfBirth = new DateOnly(2015, 7, 1) });

        Assert.Equal(wanted, Assert.Single(result.Matches).Id);
    }

    [Fact]
    public async Task Search_RestrictedPersonNotAllowed_LeftOutOfResultsAndTotal()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var open = await CreateChildAsync(practitioner, "Ada", "Jones");
        var hidden = await CreateChildAsync(practitioner, "Bea", "Jones", new DateOnly(2016, 1, 1));
        await SendAsUserAsync(manager, new RestrictRecord.Command
        {
            PersonId = hidden,
            Version = await VersionOfAsync(hidden),
            Reason = RestrictionReason.StaffOrRelativeOfStaff,
        });

        var practitionerSees = await SendAsUserAsync(practitioner, new SearchPeople.Query { Name = "jones" });
        var managerSees = await SendAsUserAsync(manager, new SearchPeople.Query { Name = "jones" });

        Assert.Equal(open, Assert.Single(practitionerSees.Matches).Id);
        Assert.Equal(1, practitionerSees.Total);
        Assert.Equal(2, managerSees.Total);
    }

    [Fact]
    public async Task Search_MoreThanAPage_PagesInNameOrder()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        await WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
            {
                db.People.Add(Person.Create(PersonType.Child, $"Child{i:D2}", "Pager", new PersonDetails(
                    new DateOnly(2014, 1, 1).AddDays(i), null, null, Sex.Unknown, null, null, null, false, null, null, null)));
            }

            await db.SaveChangesAsync();
        });

        var first = await SendAsUserAsync(practitioner, new SearchPeople.Query { Name = "pager" });
        var second = await SendAsUserAsync(practitioner, new SearchPeople.Query { Name = "pager", PageNumber = 2 });
        var beyond = await SendAsUserAsync(practitioner, new SearchPeople.Query { Name = "pager", PageNumber = 9 });

        Assert.Equal((30, 2, 1), (first.Total, first.PageCount, first.Page));
        Assert.Equal(SearchPeople.PageSize, first.Matches.Count);
        Assert.Equal(5, second.Matches.Count);
        Assert.Equal("Child00", first.Matches[0].GivenNames);
        Assert.Equal("Child25", second.Matches[0].GivenNames);
        Assert.Empty(first.Matches.Select(m => m.Id).Intersect(second.Matches.Select(m => m.Id)));

        // A page past the end shows the last page rather than nothing.
        Assert.Equal(2, beyond.Page);
        Assert.Equal(second.Matches.Select(m => m.Id), beyond.Matches.Select(m => m.Id));
    }

    [Fact]
    public async Task Search_NothingEntered_ReturnsNoMatches()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        await CreateChildAsync(practitioner);

        var result = await SendAsUserAsync(practitioner, new SearchPeople.Query());

        Assert.Empty(result.Matches);
        Assert.Equal(0, result.Total);
    }
}
