using System.Globalization;
using System.Reflection;
using System.Xml;
using System.Xml.Schema;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// Writes the CIN census XML message (the DfE's schema for the year: element order is the schema's sequence), child by
/// child as they are read, and checks a written file against the DfE's published schema for its year. The schemas are
/// the DfE's own files, embedded: <c>CIN_schema_2025.xsd</c> for 2024/25 and <c>CIN_schema_2026.xsd</c> for 2025/26. No
/// schema for 2026/27 or later is in the reference material, so those files are checked by the rules only
/// (docs/returns.md).
/// </summary>
public static class CinCensusXml
{
    /// <param name="LaNumber">The council's three-digit DfE LA number (the header's LEA).</param>
    /// <param name="Release">This build's version.</param>
    /// <param name="MadeAt">When the file was made, in UK local time (the header's DateTime).</param>
    public sealed record Header(CollectionYear Year, string LaNumber, string SoftwareCode, string Release, DateTime MadeAt);

    /// <summary>The release written in the header: this build's informational version.</summary>
    public static string ThisRelease { get; } =
        typeof(CinCensusXml).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";

    private static readonly XmlWriterSettings Settings = new() { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) };

    public static async Task WriteAsync(Stream output, Header header, IAsyncEnumerable<CensusChild> children, CancellationToken ct)
    {
        await using var xml = XmlWriter.Create(output, Settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "Message", null);
        await xml.WriteStartElementAsync(null, "Header", null);
        await xml.WriteStartElementAsync(null, "CollectionDetails", null);
        await Element(xml, "Collection", "CIN");
        await Element(xml, "Year", header.Year.EndYear.ToString(CultureInfo.InvariantCulture));
        await Element(xml, "ReferenceDate", header.Year.End);
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "Source", null);
        await Element(xml, "SourceLevel", "L");
        await Element(xml, "LEA", header.LaNumber);
        await Element(xml, "SoftwareCode", header.SoftwareCode);
        await Element(xml, "Release", header.Release);
        await Element(xml, "SerialNo", "001");
        await Element(xml, "DateTime", header.MadeAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync(null, "Children", null);
        await foreach (var child in children.WithCancellation(ct))
        {
            await ChildAsync(xml, header.Year, child);
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static async Task ChildAsync(XmlWriter xml, CollectionYear year, CensusChild child)
    {
        await xml.WriteStartElementAsync(null, "Child", null);
        await xml.WriteStartElementAsync(null, "ChildIdentifiers", null);
        await Element(xml, "LAchildID", child.LocalId ?? string.Empty);
        await Optional(xml, "UPN", string.IsNullOrEmpty(child.Upn) ? null : child.Upn.ToUpperInvariant());
        await Optional(xml, "UPNunknown", string.IsNullOrEmpty(child.Upn) ? child.UpnUnknown : null);
        await Optional(xml, "PersonBirthDate", child.BirthDate);
        await Optional(xml, "ExpectedPersonBirthDate", child.BirthDate is null ? child.ExpectedBirthDate : null);
        await Element(xml, "Sex", child.Sex);
        await Optional(xml, "PersonDeathDate", child.DeathDate);
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync(null, "ChildCharacteristics", null);
        await Optional(xml, "Ethnicity", child.Ethnicity);
        if (child.Disabilities.Count > 0)
        {
            await xml.WriteStartElementAsync(null, "Disabilities", null);
            foreach (var disability in child.Disabilities)
            {
                await Element(xml, "Disability", disability);
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();

        foreach (var episode in child.Episodes)
        {
            await EpisodeAsync(xml, year, episode);
        }

        await xml.WriteEndElementAsync();
    }

    private static async Task EpisodeAsync(XmlWriter xml, CollectionYear year, CensusEpisode episode)
    {
        await xml.WriteStartElementAsync(null, "CINdetails", null);
        await Element(xml, "CINreferralDate", episode.ReferralDate);
        await Optional(xml, "ReferralSource", episode.ReferralSource);
        await Optional(xml, "PrimaryNeedCode", episode.PrimaryNeed);
        await Optional(xml, "CINclosureDate", episode.ClosureDate);
        await Optional(xml, "ReasonForClosure", episode.ClosureReason);
        await Optional(xml, "DateOfInitialCPC", episode.InitialConferenceDate);
        foreach (var a in episode.Assessments)
        {
            await xml.WriteStartElementAsync(null, "Assessments", null);
            await Element(xml, "AssessmentActualStartDate", a.StartDate);
            await Optional(xml, "AssessmentAuthorisationDate", a.AuthorisationDate);
            if (a.Factors.Count > 0)
            {
                await xml.WriteStartElementAsync(null, "FactorsIdentifiedAtAssessment", null);
                foreach (var factor in a.Factors)
                {
                    await Element(xml, "AssessmentFactors", factor);
                }

                await xml.WriteEndElementAsync();
            }

            await xml.WriteEndElementAsync();
        }

        foreach (var plan in episode.CinPlans)
        {
            await xml.WriteStartElementAsync(null, "CINPlanDates", null);
            await Element(xml, "CINPlanStartDate", plan.StartDate);
            await Optional(xml, "CINPlanEndDate", plan.EndDate);
            await xml.WriteEndElementAsync();
        }

        foreach (var s in episode.Section47s)
        {
            await xml.WriteStartElementAsync(null, "Section47", null);
            await Element(xml, "S47ActualStartDate", s.StartDate);
            await Optional(xml, "InitialCPCtarget", s.InitialConferenceTarget);
            await Optional(xml, "DateOfInitialCPC", s.InitialConferenceDate);
            await Element(xml, "ICPCnotRequired", s.IcpcNotRequired ? "1" : "0");
            await xml.WriteEndElementAsync();
        }

        await Element(xml, "ReferralNFA", episode.ReferralNfa ? "1" : "0");
        foreach (var plan in episode.CpPlans)
        {
            await xml.WriteStartElementAsync(null, "ChildProtectionPlans", null);
            await Element(xml, "CPPstartDate", plan.StartDate);
            await Optional(xml, "CPPendDate", plan.EndDate);
            await Optional(xml, "InitialCategoryOfAbuse", plan.InitialCategory);
            await Optional(xml, "LatestCategoryOfAbuse", plan.LatestCategory);
            await Element(xml, "NumberOfPreviousCPP", plan.PreviousPlans.ToString(CultureInfo.InvariantCulture));
            if (plan.Reviews.Count > 0)
            {
                await xml.WriteStartElementAsync(null, "Reviews", null);
                foreach (var review in plan.Reviews)
                {
                    await Element(xml, "CPPreviewDate", review);
                }

                await xml.WriteEndElementAsync();
            }

            await xml.WriteEndElementAsync();
        }

        // 2026/27: the draft block, after the plans (its place and PPOutcome's letters wait for the DfE's published schema).
        if (year.StartYear >= 2026 && episode.PreProceedings is { } pp)
        {
            await xml.WriteStartElementAsync(null, "PreProceedingsandFGDM", null);
            await Element(xml, "PPStartDate", pp.StartDate);
            await Optional(xml, "LBPSentDate", pp.LetterSentDate);
            await Optional(xml, "FGDMMeetingOffer", pp.FgdmOffered is { } offered ? (offered ? "1" : "0") : null);
            await Optional(xml, "FGDMMeetingFac", pp.FgdmHeld is { } held ? (held ? "1" : "0") : null);
            await Optional(xml, "InitialPPMeetingDate", pp.InitialMeetingDate);
            await Element(xml, "ReviewMeetingsCount", pp.ReviewMeetings.ToString(CultureInfo.InvariantCulture));
            await Optional(xml, "StepDecisionDate", pp.DecisionDate);
            await Optional(xml, "CourtAppDate", pp.CourtApplicationDate);
            await Optional(xml, "LetterInitCPDate", pp.CourtLetterDate);
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    /// <summary>The DfE's schema for the year, where it is in the reference material; null otherwise.</summary>
    public static XmlSchemaSet? SchemaFor(CollectionYear year)
    {
        var name = $"ChildrenServices.Application.Returns.Schemas.CIN_schema_{year.EndYear}.xsd";
        using var stream = typeof(CinCensusXml).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(stream);
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    /// <summary>Checks a written file against the year's schema: the first <paramref name="most"/> problems, with their lines.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(Stream file, XmlSchemaSet schema, int most, CancellationToken ct)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { Async = true, ValidationType = ValidationType.Schema, Schemas = schema };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (problems.Count < most)
            {
                problems.Add($"Line {e.Exception.LineNumber}: {e.Message}");
            }
        };
        using var reader = XmlReader.Create(file, settings);
        while (await reader.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
        }

        return problems;
    }

    private static Task Element(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync(null, name, null, value);

    private static Task Element(XmlWriter xml, string name, DateOnly value) => Element(xml, name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static Task Optional(XmlWriter xml, string name, string? value) => value is null ? Task.CompletedTask : Element(xml, name, value);

    private static Task Optional(XmlWriter xml, string name, DateOnly? value) => value is { } v ? Element(xml, name, v) : Task.CompletedTask;
}
