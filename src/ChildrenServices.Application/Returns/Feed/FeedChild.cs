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
}

public sealed record FeedChildDetails(
    [property: JsonPropertyName("unique_pupil_number")] string? UniquePupilNumber,
    [property: JsonPropertyName("unique_pupil_number_unknown_reason")] string? UniquePupilNumberUnknownReason,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("surname")] string? Surname,
    [property: JsonPropertyName("date_of_birth")] DateOnly? DateOfBirth,
    [property: JsonPropertyName("expected_date_of_birth")] DateOnly? ExpectedDateOfBirth,
    [property: JsonPropertyName("sex")] string Sex,
    [property: JsonPropertyName("ethnicity")] string? Ethnicity,
    [property: JsonPropertyName("disabilities")] IReadOnlyList<string>? Disabilities,
    [property: JsonPropertyName("uasc_flag")] bool UascFlag,
    [property: JsonPropertyName("uasc_end_date")] DateOnly? UascEndDate);

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
    [property: JsonPropertyName("start_date")] DateOnly StartDate,
    [property: JsonPropertyName("authorisation_date")] DateOnly? AuthorisationDate,
    [property: JsonPropertyName("factors")] IReadOnlyList<string>? Factors);

public sealed record FeedCinPlan(
    [property: JsonPropertyName("child_in_need_plan_id")] string Id,
    [property: JsonPropertyName("start_date")] DateOnly StartDate,
    [property: JsonPropertyName("end_date")] DateOnly? EndDate);

public sealed record FeedSection47(
    [property: JsonPropertyName("section_47_assessment_id")] string Id,
    [property: JsonPropertyName("start_date")] DateOnly StartDate,
    [property: JsonPropertyName("icpc_required_flag")] bool? IcpcRequiredFlag,
    [property: JsonPropertyName("icpc_date")] DateOnly? IcpcDate,
    [property: JsonPropertyName("end_date")] DateOnly? EndDate);

public sealed record FeedCpPlan(
    [property: JsonPropertyName("child_protection_plan_id")] string Id,
    [property: JsonPropertyName("start_date")] DateOnly StartDate,
    [property: JsonPropertyName("end_date")] DateOnly? EndDate);

/// <summary>An episode of care (one legal status and placement): start_reason is the SSDA903 RNE, end_reason the REC, change_reason the reason for placement change.</summary>
public sealed record FeedPlacement(
    [property: JsonPropertyName("child_looked_after_placement_id")] string Id,
    [property: JsonPropertyName("start_date")] DateOnly StartDate,
    [property: JsonPropertyName("start_reason")] string StartReason,
    [property: JsonPropertyName("placement_type")] string PlacementType,
    [property: JsonPropertyName("postcode")] string? Postcode,
    [property: JsonPropertyName("end_date")] DateOnly? EndDate,
    [property: JsonPropertyName("end_reason")] string? EndReason,
    [property: JsonPropertyName("change_reason")] string? ChangeReason);
