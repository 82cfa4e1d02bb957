using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.Pipeline;

public sealed class ValidationTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task CreatePerson_MissingFamilyName_ThrowsValidationNamingTheFieldAndWritesNothing()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(practitioner, NewChild() with { FamilyName = null }));

        var error = Assert.Single(ex.Errors, e => e.PropertyName == "FamilyName");
        Assert.Equal("Enter the family name", error.ErrorMessage);
        Assert.Equal(0, await WithDbAsync(db => db.People.CountAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task CreatePerson_SeveralProblems_ReportsThemAllAtOnce()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            SendAsUserAsync(practitioner, NewChild() with { GivenNames = " ", FamilyName = null, DateOfBirth = Today.AddDays(1) }));

        Assert.Equal(["DateOfBirth", "FamilyName", "GivenNames"], ex.Errors.Select(e => e.PropertyName).Distinct().Order());
    }
}
