using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChildrenServices.Application.Returns.Feed;

/// <summary>
/// One child as the DfE's daily children's social care feed takes it (../shared/reference/dfe/csc-api/openapi.json, schema
/// CSC): property names and shapes are the API's. Items the record does not hold are left out, never sent empty (health
/// and wellbeing, adoption, care leavers: docs/returns.md).
/// </summary>
public sealed record FeedChild(
    [property: JsonPropertyName("la_child_id")] string LaChildId,
    [property: JsonPropertyName("mis_child_id")] string? MisChildId = null,
    [property: JsonPropertyName("purge")] bool? Purge = null,
    [property: JsonPropertyName("child_details")] FeedChildDetails? ChildDetails = null,
    [property: JsonPropertyName("social_care_episodes")] IReadOnlyList<FeedEpisode>? SocialCareEpisodes = null)
{
    /// <summary>How every feed body is written: the API's names, nothing null, dates as yyyy-MM-dd.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Whether the child's name goes with the data (a restricted record's child goes without one).</summary>
    [JsonIgnore]
    public bool HasName => ChildDetails is { } d && (d.FirstName is not null || d.Surname is not null);

    /// <summary>
    /// The API's purge of the child's personal details only (child_details.purge): the social care data stays. Sent for a
    /// child whose name the destination holds once the record is restricted.
    /// </summary>
    public static FeedChild DetailsPurgeOf(string laChildId) => new(laChildId, ChildDetails: new FeedChildDetails(Purge: true));

    /// <summary>
    /// What this child's data holds, as keys to remember: each episode's id, and each item within one as "episode/kind/id"
    /// (<see cref="Domain.Returns.Feed.FeedChildState.Episodes"/>).
    /// </summary>
    public IReadOnlyList<string> Keys() =>
        [.. (SocialCareEpisodes ?? []).SelectMany(e => (IEnumerable<string>)
        [
            e.Id,
            .. (e.Assessments ?? []).Select(a => $"{e.Id}/a/{a.Id}"),
            .. (e.ChildInNeedPlans ?? []).Select(c => $"{e.Id}/c/{c.Id}"),
            .. (e.Section47Assessments ?? []).Select(s => $"{e.Id}/s/{s.Id}"),
            .. (e.ChildProtectionPlans ?? []).Select(p => $"{e.Id}/p/{p.Id}"),
            .. (e.Placements ?? []).Select(l => $"{e.Id}/l/{l.Id}"),
        ])];

    /// <summary>
    /// The child's data with a purge for everything the destination holds that is gone (<paramref name="held"/> less what is
    /// here now): a whole episode withdrawn, or an item within an episode still here (a care episode removed, a placement
    /// now under another referral). An item of a gone episode goes with its episode.
    /// </summary>
    public FeedChild WithPurgesOf(IReadOnlyCollection<string> held)
    {
        var now = Keys().ToHashSet(StringComparer.Ordinal);
        var gone = held.Where(k => !now.Contains(k)).ToList();
        if (gone.Count == 0)
        {
            return this;
        }

        var goneEpisodes = gone.Where(k => !k.Contains('/', StringComparison.Ordinal)).ToList();
        var goneItems = gone.Select(k => k.Split('/')).Where(k => k.Length == 3 && now.Contains(k[0])).ToLookup(k => k[0], k => (Kind: k[1], Id: k[2]));
        IReadOnlyList<T>? With<T>(IReadOnlyList<T>? items, string episode, string kind, Func<string, T> stub)
        {
            var stubs = goneItems[episode].Where(i => i.Kind == kind).Select(i => stub(i.Id)).ToList();
            return stubs.Count == 0 ? items : [.. items ?? [], .. stubs];
        }

        return this with
        {
            SocialCareEpisodes =
            [
                .. (SocialCareEpisodes ?? []).Select(e => e with
                {
                    Assessments = With(e.Assessments, e.Id, "a", id => new FeedAssessment(id, null, null, null, true)),
                    ChildInNeedPlans = With(e.ChildInNeedPlans, e.Id, "c", id => new FeedCinPlan(id, null, null, true)),
                    Section47Assessments = With(e.Section47Assessments, e.Id, "s", id => new FeedSection47(id, null, null, null, null, true)),
                    ChildProtectionPlans = With(e.ChildProtectionPlans, e.Id, "p", id => new FeedCpPlan(id, null, null, true)),
                    Placements = With(e.Placements, e.Id, "l", id => new FeedPlacement(id, null, null, null, null, null, null, null, true)),
                }),
                .. goneEpisodes.Select(id => new FeedEpisode(id, Purge: true)),
            ],
        };
    }
}

/// <param name="Purge">True only in <see cref="FeedChild.DetailsPurgeOf"/>, which sends nothing else.</param>
public sealed record FeedChildDetails(
    [property: JsonPropertyName("unique_pupil_number")] string? UniquePupilNumber = null,
    [property: JsonPropertyName("unique_pupil_number_unknown_reason")] string? UniquePupilNumberUnknownReason = null,
    [property: JsonPropertyName("first_name")] string? FirstName = null,
    [property: JsonPropertyName("surname")] string? Surname = null,
    [property: JsonPropertyName("date_of_birth")] DateOnly? DateOfBirth = null,
    [property: JsonPropertyName("expected_date_of_birth")] DateOnly? ExpectedDateOfBirth = null,
    [property: JsonPropertyName("sex")] string? Sex = null,
    [property: JsonPropertyName("ethnicity")] string? Ethnicity = null,
    [property: JsonPropertyName("disabilities")] IReadOnlyList<string>? Disabilities = null,
    [property: JsonPropertyName("uasc_flag")] bool? UascFlag = null,
    [property: JsonPropertyName("uasc_end_date")] DateOnly? UascEndDate = null,
    [property: JsonPropertyName("purge")] bool? Purge = null);

/// <param name="Purge">True only on an episode sent before and withdrawn since: the DfE removes it.</param>
public sealed record FeedEpisode(
    [property: JsonPropertyName("social_care_episode_id")] string Id,
    [property: JsonPropertyName("referral_date")] DateOnly? ReferralDate = null,
    [property: JsonPropertyName("referral_source")] string? ReferralSource = null,
    [property: JsonPropertyName("referral_no_further_action_flag")] bool? ReferralNoFurtherActionFlag = null,
    [property: JsonPropertyName("closure_date")] DateOnly? ClosureDate = null,
    [property: JsonPropertyName("closure_reason")] string? ClosureReason = null,
    [property: JsonPropertyName("care_worker_details")] IReadOnlyList<FeedWorker>? CareWorkerDetails = null,
    [property: JsonPropertyName("child_and_family_assessments")] IReadOnlyList<FeedAssessment>? Assessments = null,
    [property: JsonPropertyName("child_in_need_plans")] IReadOnlyList<FeedCinPlan>? ChildInNeedPlans = null,
    [property: JsonPropertyName("section_47_assessments")] IReadOnlyList<FeedSection47>? Section47Assessments = null,
    [property: JsonPropertyName("child_protection_plans")] IReadOnlyList<FeedCpPlan>? ChildProtectionPlans = null,
    [property: JsonPropertyName("child_looked_after_placements")] IReadOnlyList<FeedPlacement>? Placements = null,
    [property: JsonPropertyName("purge")] bool? Purge = null);

/// <param name="WorkerId">The social worker's Social Work England registration number.</param>
public sealed record FeedWorker(
    [property: JsonPropertyName("worker_id")] string WorkerId,
    [property: JsonPropertyName("start_date")] DateOnly StartDate,
    [property: JsonPropertyName("end_date")] DateOnly? EndDate);

public sealed record FeedAssessment(
    [property: JsonPropertyName("child_and_family_assessment_id")] string Id,
    [property: JsonPropertyName("start_date")] DateOnly? StartDate,
    [property: JsonPropertyName("authorisation_date")] DateOnly? AuthorisationDate,
    [property: JsonPropertyName("factors")] IReadOnlyList<string>? Factors,
    [property: JsonPropertyName("purge")] bool? Purge = null);

public sealed record FeedCinPlan(
    [property: JsonPropertyName("child_in_need_plan_id")] string Id,
    [property: JsonPropertyName("start_date")] DateOnly? StartDate,
    [property: JsonPropertyName("end_date")] DateOnly? EndDate,
    [property: JsonPropertyName("purge")] bool? Purge = null);

public sealed record FeedSection47(
    [property: JsonPropertyName("section_47_assessment_id")] string Id,
    [property: JsonPropertyName("start_date")] DateOnly? StartDate,
    [property: JsonPropertyName("icpc_required_flag")] bool? IcpcRequiredFlag,
    [property: JsonPropertyName("icpc_date")] DateOnly? IcpcDate,
    [property: JsonPropertyName("end_date")] DateOnly? EndDate,
    [property: JsonPropertyName("purge")] bool? Purge = null);

public sealed record FeedCpPlan(
    [property: JsonPropertyName("child_protection_plan_id")] string Id,
    [property: JsonPropertyName("start_date")] DateOnly? StartDate,
    [property: JsonPropertyName("end_date")] DateOnly? EndDate,
    [property: JsonPropertyName("purge")] bool? Purge = null);

/// <summary>An episode of care (one legal status and placement): start_reason is the SSDA903 RNE, end_reason the REC, change_reason the reason for placement change.</summary>
public sealed record FeedPlacement(
    [property: JsonPropertyName("child_looked_after_placement_id")] string Id,
    [property: JsonPropertyName("start_date")] DateOnly? StartDate,
    [property: JsonPropertyName("start_reason")] string? StartReason,
    [property: JsonPropertyName("placement_type")] string? PlacementType,
    [property: JsonPropertyName("postcode")] string? Postcode,
    [property: JsonPropertyName("end_date")] DateOnly? EndDate,
    [property: JsonPropertyName("end_reason")] string? EndReason,
    [property: JsonPropertyName("change_reason")] string? ChangeReason,
    [property: JsonPropertyName("purge")] bool? Purge = null);
