using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;

namespace ChildrenServices.IntegrationTests.Pipeline;

public sealed class LoggingTests(AppFactory factory) : IntegrationTest(factory)
{
    // A family name that occurs nowhere else, so any log line quoting the message body is caught.
    private const string DistinctiveName = "Zqxwvutsr";

    [Fact]
    public async Task CreatePerson_Succeeds_LogsTheUseCaseButNeverTheBody()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");

        await CreateChildAsync(practitioner, "Ottoline", DistinctiveName);

        var logs = Factory.Logs.Entries;
        Assert.Contains(logs, l => l.Message.Contains("CreatePerson", StringComparison.Ordinal)
            && l.Message.Contains("succeeded", StringComparison.Ordinal)
            && l.Message.Contains(practitioner.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Message.Contains(DistinctiveName, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, l => l.Message.Contains("Ottoline", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CreatePerson_Refused_LogsTheOutcomeButNeverTheBody()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");

        await Assert.ThrowsAsync<ValidationException>(() =>
            SendAsUserAsync(practitioner, NewChild("Ottoline", DistinctiveName, nhsNumber: "943 476 5918")));

        var logs = Factory.Logs.Entries;
        Assert.Contains(logs, l => l.Message.Contains("CreatePerson", StringComparison.Ordinal)
            && l.Message.Contains("ValidationException", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Message.Contains(DistinctiveName, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, l => l.Message.Contains("9434765918", StringComparison.Ordinal) || l.Message.Contains("943 476 5918", StringComparison.Ordinal));
    }
}
