using System.Text.RegularExpressions;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.Returns.Cin;
using E = ChildrenServices.Domain.Returns.Cin.RuleSeverity;

namespace ChildrenServices.Domain.Returns.Ssda903;

/// <summary>
/// The Episodes file's rules. Each is checked for the episodes in the year's file (<see cref="LacChild.EpisodesIn"/>): an
/// episode that ended before 1 April is not in the file and fails nothing, though the rules that look back (357, 367, 377,
/// 504 and the rules about the episode before or after) read it. Episodes are taken in start order whatever order they come
/// in. Age rules are skipped for a child with no date of birth. Where the message leaves the test open, the reading is the
/// public 903 validator's (csc-validator-be-903, lac2022_23 to lac2025_26) unless the comment says otherwise.
/// </summary>
public sealed partial class Ssda903Rules
{
    // Codes.
    private static readonly CensusRule R143 = Add("143", E.Error, "The reason for new episode code is not a valid code.", FixAt.LookedAfter);
    private static readonly CensusRule R144 = Add("144", E.Error, "The legal status code is not a valid code.", FixAt.LookedAfter);
    private static readonly CensusRule R145 = Add("145", E.Error, "Category of need code is not a valid code.", FixAt.LookedAfter);
    private static readonly CensusRule R146 = Add("146", E.Error, "Placement type code is not a valid code.", FixAt.LookedAfter);
    private static readonly CensusRule R149 = Add("149", E.Error, "Reason episode ceased code is not valid.", FixAt.LookedAfter);
    private static readonly CensusRule R178 = Add("178", E.Error, "Placement provider code is not a valid code.", FixAt.LookedAfter);
    private static readonly CensusRule R1009 = Add("1009", E.Error, "Reason for placement change is not a valid code.", FixAt.LookedAfter);

    // Placement provider, location and Ofsted URN.
    private static readonly CensusRule R213 = Add("213", E.Error, "Placement provider information not required.", FixAt.LookedAfter);
    private static readonly CensusRule R526 = Add("526", E.Error, "Child is missing a placement provider code for at least one episode.", FixAt.LookedAfter);
    private static readonly CensusRule R527 = Add("527", E.Error, "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.", FixAt.LookedAfter);
    private static readonly CensusRule R528 = Add("528", E.Error, "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.", FixAt.LookedAfter);
    private static readonly CensusRule R529 = Add("529", E.Error, "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.", FixAt.LookedAfter);
    private static readonly CensusRule R530 = Add("530", E.Error, "A placement provider code of PR4 cannot be associated with placement P1.", FixAt.LookedAfter);
    private static readonly CensusRule R531 = Add("531", E.Error, "A placement provider code of PR5 cannot be associated with placements P1.", FixAt.LookedAfter);
    private static readonly CensusRule R550 = Add("550", E.Error, "A placement provider code of PR0 can only be associated with placement P1.", FixAt.LookedAfter);
    private static readonly CensusRule R214 = Add("214", E.Error, "Placement location information not required.", FixAt.LookedAfter);
    private static readonly CensusRule R218 = Add("218", E.Error, "Ofsted Unique reference number (URN) is required.", FixAt.LookedAfter);
    private static readonly CensusRule R222 = Add("222", E.Error, "Ofsted Unique reference number (URN) should not be recorded for this placement type.", FixAt.LookedAfter);
    private static readonly CensusRule R392b = Add("392b", E.Query, "Child is looked after but no postcodes are recorded.", FixAt.LookedAfter);
    private static readonly CensusRule R392c = Add("392c", E.Error, "Postcode(s) provided are invalid.", FixAt.LookedAfter);
    private static readonly CensusRule R392d = Add("392d", E.Error, "Home and placement postcodes should not be same unless the placement type is P1.", FixAt.LookedAfter);
    private static readonly CensusRule R398 = Add("398", E.Error, "Distance field completed but child looked after under legal status V3 or V4.", FixAt.LookedAfter);

    // Dates, and the chain of episodes.
    private static readonly CensusRule R142 = Add("142", E.Error, "A new episode has started, but the previous episode has not ended.", FixAt.LookedAfter);
    private static readonly CensusRule R148 = Add("148", E.Error, "Date episode ceased and reason episode ceased must both be coded, or both left blank.", FixAt.LookedAfter);
    private static readonly CensusRule R353 = Add("353", E.Error, "No episode submitted can start before 14 October 1991.", FixAt.LookedAfter);
    private static readonly CensusRule R355 = Add("355", E.Query, "Episode appears to have lasted for less than 24 hours", FixAt.LookedAfter);
    private static readonly CensusRule R356 = Add("356", E.Error, "The date the episode ceased is before the date the same episode started.", FixAt.LookedAfter);
    private static readonly CensusRule R385 = Add("385", E.Error, "Date episode ceased must be on or before the end of the current collection year.", FixAt.LookedAfter);
    private static readonly CensusRule R357 = Add("357", E.Error, "If this is the first episode ever for this child, reason for new episode must be S. Check whether there is an episode immediately preceding this one, which has been left out. If not the reason for new episode code must be amended to S.", FixAt.LookedAfter);
    private static readonly CensusRule R388 = Add("388", E.Error, "Reason episode ceased is coded new episode begins, but there is no continuation episode.", FixAt.LookedAfter);
    private static readonly CensusRule R431 = Add("431", E.Error, "The reason for new episode is started to be looked after, but the previous episode ended on the same day.", FixAt.LookedAfter);
    private static readonly CensusRule R432 = Add("432", E.Error, "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.", FixAt.LookedAfter);
    private static readonly CensusRule R433 = Add("433", E.Error, "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.", FixAt.LookedAfter);
    private static readonly CensusRule R434 = Add("434", E.Error, "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.", FixAt.LookedAfter);
    private static readonly CensusRule R435 = Add("435", E.Error, "Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.", FixAt.LookedAfter);
    private static readonly CensusRule R436 = Add("436", E.Error, "Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.", FixAt.LookedAfter);
    private static readonly CensusRule R437 = Add("437", E.Error, "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.", FixAt.LookedAfter);
    private static readonly CensusRule R501 = Add("501", E.Error, "A new episode has started before the end date of the previous episode.", FixAt.LookedAfter);
    private static readonly CensusRule R504 = Add("504", E.Error, "The category of need code differs from that reported at start of current period of being looked after", FixAt.LookedAfter);
    private static readonly CensusRule R199 = Add("199", E.Error, "Episode information shows child has been previously adopted from care.", FixAt.LookedAfter);

    // Reason for placement change.
    private static readonly CensusRule R225 = Add("225", E.Error, "Reason for placement change must be recorded.", FixAt.LookedAfter);
    private static readonly CensusRule R226 = Add("226", E.Error, "Reason for placement change is not required for temporary placements.", FixAt.LookedAfter);
    private static readonly CensusRule R233 = Add("233", E.Error, "Reason for placement change is not required when the episode has not ceased.", FixAt.LookedAfter);
    private static readonly CensusRule R234 = Add("234", E.Error, "A child aged under 10 can not change placement due to being admitted to custody", FixAt.LookedAfter);

    // The child's age.
    private static readonly CensusRule R302 = Add("302", E.Error, "First episode starts before child was born.", FixAt.LookedAfter);
    private static readonly CensusRule R352 = Add("352", E.Error, "Child who started to be looked after was aged 18 or over.", FixAt.LookedAfter);
    private static readonly CensusRule R358 = Add("358", E.Error, "Child with this legal status should not be under 10.", FixAt.LookedAfter);
    private static readonly CensusRule R359 = Add("359", E.Error, "Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.", FixAt.LookedAfter);
    private static readonly CensusRule R371 = Add("371", E.Error, "Child in supported accomodation not subject to children’s homes regulations should be at least 16.", FixAt.LookedAfter);
    private static readonly CensusRule R372 = Add("372", E.Error, "Child in youth custody or prison should be at least 10.", FixAt.LookedAfter);
    private static readonly CensusRule R373 = Add("373", E.Error, "Child placed in a school should be at least 4 years old.", FixAt.LookedAfter);
    private static readonly CensusRule R374 = Add("374", E.Error, "Child in residential employment should be at least 14 years old.", FixAt.LookedAfter);
    private static readonly CensusRule R386 = Add("386", E.Error, "Reason episode ceased is adopted but child has reached age 18.", FixAt.LookedAfter);
    private static readonly CensusRule R387 = Add("387", E.Error, "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.", FixAt.LookedAfter);
    private static readonly CensusRule R389 = Add("389", E.Error, "Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.", FixAt.LookedAfter);
    private static readonly CensusRule R407 = Add("407", E.Error, "Reason episode ceased is Special Guardianship Order, but child has reached age 18.", FixAt.LookedAfter);
    private static readonly CensusRule R460 = Add("460", E.Error, "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.", FixAt.LookedAfter);

    // Legal status.
    private static readonly CensusRule R361 = Add("361", E.Error, "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.", FixAt.LookedAfter);
    private static readonly CensusRule R362 = Add("362", E.Error, "Emergency protection order (EPO) lasted longer than 21 days", FixAt.LookedAfter);
    private static readonly CensusRule R363 = Add("363", E.Error, "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.", FixAt.LookedAfter);
    private static readonly CensusRule R364 = Add("364", E.Error, "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.", FixAt.LookedAfter);
    private static readonly CensusRule R378 = Add("378", E.Error, "A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.", FixAt.LookedAfter);
    private static readonly CensusRule R408 = Add("408", E.Error, "Child is placed for adoption with a placement order, but no placement order has been recorded.", FixAt.LookedAfter);
    private static readonly CensusRule R446 = Add("446", E.Error, "E1 is not a valid code for episodes starting before December 2005.", FixAt.LookedAfter);

    // Short breaks (respite care).
    private static readonly CensusRule R365 = Add("365", E.Error, "Any individual short- term respite placement must not exceed 17 days.", FixAt.LookedAfter);
    private static readonly CensusRule R366 = Add("366", E.Error, "A child cannot change placement during the course of an individual short-term respite break.", FixAt.LookedAfter);
    private static readonly CensusRule R367 = Add("367", E.Error, "The maximum amount of respite care allowable is 75 days in any 12-month period.", FixAt.LookedAfter);
    private static readonly CensusRule R382 = Add("382", E.Error, "A child receiving respite care cannot be in a temporary placement.", FixAt.LookedAfter);
    private static readonly CensusRule R384 = Add("384", E.Error, "A child receiving respite care cannot be in a long-term foster placement", FixAt.LookedAfter);
    private static readonly CensusRule R426 = Add("426", E.Error, "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.", FixAt.LookedAfter);

    // Temporary placements.
    private static readonly CensusRule R375 = Add("375", E.Error, "Hospitalisation coded as a temporary placement exceeds six weeks.", FixAt.LookedAfter);
    private static readonly CensusRule R376 = Add("376", E.Error, "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.", FixAt.LookedAfter);
    private static readonly CensusRule R377 = Add("377", E.Error, "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.", FixAt.LookedAfter);
    private static readonly CensusRule R379 = Add("379", E.Error, "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.", FixAt.LookedAfter);
    private static readonly CensusRule R380 = Add("380", E.Error, "A period of care cannot start with a temporary placement.", FixAt.LookedAfter);
    private static readonly CensusRule R381 = Add("381", E.Error, "A period of care cannot end with a temporary placement.", FixAt.LookedAfter);
    private static readonly CensusRule R383 = Add("383", E.Error, "A child in a temporary placement must subsequently return to his/her normal placement.", FixAt.LookedAfter);

    // Adoption and special guardianship.
    private static readonly CensusRule R217 = Add("217", E.Error, "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.", FixAt.LookedAfter);
    private static readonly CensusRule R336 = Add("336", E.Error, "Child does not have a foster placement immediately prior to being placed for adoption.", FixAt.LookedAfter);
    private static readonly CensusRule R390 = Add("390", E.Error, "Reason episode ceased is adopted but child has not been previously placed for adoption.", FixAt.LookedAfter);
    private static readonly CensusRule R516 = Add("516", E.Error, "The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year. If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.", FixAt.LookedAfter);

    private partial void CheckEpisodes(LacChild child, Action<CensusRule, Guid?> fail)
    {
        if (child.Episodes.Count == 0)
        {
            return;
        }

        var all = Episodic.InStartOrder(child.Episodes);
        var firstInYear = true;
        var adopted = false;
        var adoptionFlagged = false;
        string? firstShortBreak = null;
        var periodNeed = new Dictionary<Guid, string>();
        for (var i = 0; i < all.Length; i++)
        {
            var e = all[i];
            var previous = i > 0 ? all[i - 1] : null;
            var next = i + 1 < all.Length ? all[i + 1] : null;
            periodNeed.TryAdd(e.PeriodId, e.CategoryOfNeed);
            if (IsEpisodeInYear(e))
            {
                CheckEpisodeCodes(e, fail);
                CheckEpisodeProvider(e, fail);
                CheckEpisodeLocation(child, e, fail);
                CheckEpisodeDates(e, previous, next, i == 0, fail);
                CheckEpisodeChange(e, previous, fail);
                CheckEpisodePlacementChange(child, e, previous, next, fail);
                CheckEpisodeAge(child, e, firstInYear, fail);
                CheckEpisodeLegalStatus(all, i, fail);
                CheckEpisodeShortBreak(all, i, ref firstShortBreak, fail);
                CheckEpisodeTemporary(all, i, fail);
                CheckEpisodeAdoption(e, previous, fail);

                // 504: the period's category of need is the one its first episode (perhaps before the year) gave.
                if (!string.Equals(e.CategoryOfNeed, periodNeed[e.PeriodId], StringComparison.Ordinal))
                {
                    fail(R504, e.Id);
                }

                // 199: once, on the first episode of the year after an episode ended in adoption (E11, E12).
                if (adopted && !adoptionFlagged)
                {
                    fail(R199, e.Id);
                    adoptionFlagged = true;
                }

                firstInYear = false;
            }

            adopted |= e.ReasonCeased is "E11" or "E12";
        }
    }

    private void CheckEpisodeCodes(LacEpisode e, Action<CensusRule, Guid?> fail)
    {
        if (!Ssda903Codes.ReasonForNewEpisode.Contains(e.Rne, year.EndYear))
        {
            fail(R143, e.Id);
        }

        if (!Ssda903Codes.LegalStatus.Contains(e.LegalStatus, year.EndYear))
        {
            fail(R144, e.Id);
        }

        if (!Ssda903Codes.CategoryOfNeed.Contains(e.CategoryOfNeed, year.EndYear))
        {
            fail(R145, e.Id);
        }

        // The year's list: H5, P2 and Z1 fail from 2025/26 even on an episode that started before (validator lac2025_26).
        if (!Ssda903Codes.PlacementType.Contains(e.Place, year.EndYear))
        {
            fail(R146, e.Id);
        }

        if (Episodic.Has(e.ReasonCeased) && !Ssda903Codes.ReasonEpisodeCeased.Contains(e.ReasonCeased, year.EndYear))
        {
            fail(R149, e.Id);
        }

        // 178 is the code alone; a provider where none belongs is 213.
        if (Episodic.Has(e.Provider) && !Ssda903Codes.PlacementProvider.Contains(e.Provider, year.EndYear))
        {
            fail(R178, e.Id);
        }

        if (Episodic.Has(e.ReasonPlaceChange) && !Ssda903Codes.ReasonForPlacementChange.Contains(e.ReasonPlaceChange, year.EndYear))
        {
            fail(R1009, e.Id);
        }
    }

    private static void CheckEpisodeProvider(LacEpisode e, Action<CensusRule, Guid?> fail)
    {
        if (Episodic.WithoutProvider.Contains(e.Place))
        {
            if (Episodic.Has(e.Provider))
            {
                fail(R213, e.Id);
            }

            return;
        }

        if (!Episodic.Has(e.Provider))
        {
            fail(R526, e.Id);
            return;
        }

        var rule = (e.Provider, e.Place) switch
        {
            ("PR1", "P1" or "R2" or "R5") => R527,
            ("PR2", "P1" or "R2" or "R5") => R528,
            ("PR3", _) when Episodic.NotPublic.Contains(e.Place) => R529,
            ("PR4", "P1") => R530,
            ("PR5", "P1") => R531,
            ("PR0", not "P1") => R550,
            _ => null,
        };
        if (rule is not null)
        {
            fail(rule, e.Id);
        }
    }

    private static void CheckEpisodeLocation(LacChild child, LacEpisode e, Action<CensusRule, Guid?> fail)
    {
        var shortBreak = e.LegalStatus is "V3" or "V4";
        if (shortBreak && (Episodic.Has(e.PlacementPostcode) || Episodic.Has(e.Urn)))
        {
            fail(R214, e.Id);
        }

        // 398: the distance is derived from the two postcodes, so either one given for a short break counts as a distance
        // completed (the validator's reading).
        if (shortBreak && (Episodic.Has(e.HomePostcode) || Episodic.Has(e.PlacementPostcode)))
        {
            fail(R398, e.Id);
        }

        // 218 for every episode in the file, whenever it started (the validator: ended on or after 1 April, or open).
        // Short breaks are left to 214, which forbids a URN for them, as the product's placement form does. The validator's
        // exception for placements outside England (PL_LA, from the postcode) is not made, as the model has no placement LA:
        // such a placement with no URN (nor XXXXXXX) is failed.
        if (!shortBreak && !Episodic.WithoutUrn.Contains(e.Place) && !Episodic.Has(e.Urn))
        {
            fail(R218, e.Id);
        }

        if (Episodic.WithoutUrn.Contains(e.Place) && Episodic.Has(e.Urn) && e.Urn != Placement.UrnExempt)
        {
            fail(R222, e.Id);
        }

        // 392b: a query; not for short breaks, nor for a child who has been UASC (the validator leaves them out, as a
        // UASC child may have no home postcode).
        if (!shortBreak && !child.Uasc && (!Episodic.Has(e.HomePostcode) || !Episodic.Has(e.PlacementPostcode)))
        {
            fail(R392b, e.Id);
        }

        // 392c: the validator looks the postcode up in the ONS list; this checks it has the shape of a UK postcode.
        if ((Episodic.Has(e.HomePostcode) && !Episodic.PostcodeShape().IsMatch(e.HomePostcode.Trim()))
            || (Episodic.Has(e.PlacementPostcode) && !Episodic.PostcodeShape().IsMatch(e.PlacementPostcode.Trim())))
        {
            fail(R392c, e.Id);
        }

        if (e.Place != "P1" && Episodic.Has(e.HomePostcode) && Episodic.Has(e.PlacementPostcode) && Episodic.SamePostcode(e.HomePostcode, e.PlacementPostcode))
        {
            fail(R392d, e.Id);
        }
    }

    private void CheckEpisodeDates(LacEpisode e, LacEpisode? previous, LacEpisode? next, bool first, Action<CensusRule, Guid?> fail)
    {
        // 142: an episode with a later one has both its end date and its reason.
        if (next is not null && (e.End is null || !Episodic.Has(e.ReasonCeased)))
        {
            fail(R142, e.Id);
        }

        if ((e.End is null) != !Episodic.Has(e.ReasonCeased))
        {
            fail(R148, e.Id);
        }

        if (e.Start < Episodic.ChildrenAct)
        {
            fail(R353, e.Id);
        }

        // 355 (a query): ending the day it began; 356: ending before it began.
        if (e.End == e.Start)
        {
            fail(R355, e.Id);
        }

        if (e.End < e.Start)
        {
            fail(R356, e.Id);
        }

        if (e.End > year.End)
        {
            fail(R385, e.Id);
        }

        // 357: the child's first episode ever, which the look-back finds even when the file holds later ones only.
        if (first && e.Rne != "S")
        {
            fail(R357, e.Id);
        }

        // 388: X1 needs an episode starting the day this one ends; any other reason ends care, so none may start that day.
        if (e.End is { } ended && Episodic.Has(e.ReasonCeased))
        {
            var continues = next is not null && next.Start == ended;
            if (e.ReasonCeased == "X1" ? !continues : continues)
            {
                fail(R388, e.Id);
            }
        }

        if (previous is not null && e.Start < previous.End)
        {
            fail(R501, e.Id);
        }

        // 437: died (E2) or found by age assessment to be 18 or over (E15), yet a later episode follows.
        if (next is not null && e.ReasonCeased is "E2" or "E15")
        {
            fail(R437, e.Id);
        }
    }

    /// <summary>Rules 431–436: the reason for new episode against the episode before it.</summary>
    private static void CheckEpisodeChange(LacEpisode e, LacEpisode? previous, Action<CensusRule, Guid?> fail)
    {
        if (previous is null)
        {
            return;
        }

        // 431: the message's test (the same day); an earlier start is 501.
        if (e.Rne == "S" && previous.End == e.Start)
        {
            fail(R431, e.Id);
        }

        var careEnded = previous.ReasonCeased is { } reason && reason != "X1" && Ssda903Codes.ReasonEpisodeCeased.Contains(reason);
        if (careEnded && e.Rne != "S")
        {
            fail(R432, e.Id);
        }

        var continuation = e.Rne is "P" or "L" or "T" or "U" or "B";
        if (continuation && previous.End != e.Start)
        {
            fail(R433, e.Id);
        }

        // The placement is its type, postcode, URN and provider (the validator's fields); the legal status is LS.
        var statusChanged = !string.Equals(e.LegalStatus, previous.LegalStatus, StringComparison.Ordinal);
        var placementChanged = !string.Equals(e.Place, previous.Place, StringComparison.Ordinal)
            || !string.Equals(e.PlacementPostcode ?? string.Empty, previous.PlacementPostcode ?? string.Empty, StringComparison.Ordinal)
            || !string.Equals(e.Urn ?? string.Empty, previous.Urn ?? string.Empty, StringComparison.Ordinal)
            || !string.Equals(e.Provider ?? string.Empty, previous.Provider ?? string.Empty, StringComparison.Ordinal);
        var rule = e.Rne switch
        {
            "L" when !statusChanged || placementChanged => R434,
            "P" or "T" when statusChanged || !placementChanged => R435,
            "B" or "U" when !statusChanged || !placementChanged => R436,
            _ => null,
        };
        if (rule is not null)
        {
            fail(rule, e.Id);
        }
    }

    /// <summary>Rules 225, 226, 233 and 234: the reason for placement change, recorded on the episode the child moves out of.</summary>
    private void CheckEpisodePlacementChange(LacChild child, LacEpisode e, LacEpisode? previous, LacEpisode? next, Action<CensusRule, Guid?> fail)
    {
        var temporary = Placement.TemporaryTypes.Contains(e.Place);

        // 225: an X1 episode followed by a move (P, B, T or U), neither end of it a temporary placement.
        if (e.ReasonCeased == "X1" && !Episodic.Has(e.ReasonPlaceChange) && !temporary
            && next is not null && next.Rne is "P" or "B" or "T" or "U" && !Placement.TemporaryTypes.Contains(next.Place))
        {
            fail(R225, e.Id);
        }

        // 226: neither the move into a temporary placement (on the episode before it) nor the move out (on its own) has a
        // reason. Failed once, on the temporary placement's episode, as the validator does. The episode before counts only
        // when it is in the file too.
        if (temporary && (Episodic.Has(e.ReasonPlaceChange) || (previous is not null && IsEpisodeInYear(previous) && Episodic.Has(previous.ReasonPlaceChange))))
        {
            fail(R226, e.Id);
        }

        if (e.End is null && Episodic.Has(e.ReasonPlaceChange))
        {
            fail(R233, e.Id);
        }

        // 234: under 10 on the day of the move (the episode's end), as the product's move form reads it.
        if (e.ReasonPlaceChange == "CUSTOD" && child.BirthDate is { } born && (e.End ?? e.Start) < born.AddYears(10))
        {
            fail(R234, e.Id);
        }
    }

    private void CheckEpisodeAge(LacChild child, LacEpisode e, bool firstInYear, Action<CensusRule, Guid?> fail)
    {
        if (child.BirthDate is not { } born)
        {
            return;
        }

        // 302: the first episode in the file.
        if (firstInYear && e.Start < born)
        {
            fail(R302, e.Id);
        }

        if (e.Rne == "S" && e.Start >= born.AddYears(18))
        {
            fail(R352, e.Id);
        }

        // 358: the youth justice statuses (J1 remand, J2 PACE, J3 youth rehabilitation order), under 10 when the episode
        // began. The validator also fails an episode beginning on the 10th birthday; here the child is 10 that day.
        if (e.LegalStatus is "J1" or "J2" or "J3" && e.Start < born.AddYears(10))
        {
            fail(R358, e.Id);
        }

        // 359: looked after on a day after the 18th birthday (the episode ends after it, or is open at 31 March with the
        // birthday before then), other than under a single period of section 20 accommodation (V2) in a children's home
        // (K2, the validator's "community home"). The validator checks only episodes open at 31 March.
        var eighteen = born.AddYears(18);
        if ((e.End ?? year.End) > eighteen && !(e.LegalStatus == "V2" && e.Place == "K2"))
        {
            fail(R359, e.Id);
        }

        // 371–374: the age on the day the placement began.
        var minimum = e.Place switch
        {
            "K3" => (Years: 16, Rule: R371),
            "R5" => (Years: 10, Rule: R372),
            "S1" => (Years: 4, Rule: R373),
            "P3" => (Years: 14, Rule: R374),
            _ => (Years: 0, Rule: null),
        };
        if (minimum.Rule is not null && e.Start < born.AddYears(minimum.Years))
        {
            fail(minimum.Rule, e.Id);
        }

        if (e.End is not { } ended)
        {
            return;
        }

        // The age on the day care ended. "Has reached age 18": on or after the 18th birthday.
        var rule = e.ReasonCeased switch
        {
            "E11" or "E12" when ended >= eighteen => R386,
            "E5" or "E6" when ended < born.AddYears(14) => R387,
            "E7" when ended < born.AddYears(16) => R389,
            "E45" or "E46" or "E47" or "E48" when ended >= eighteen => R407,
            "E17" when ended < eighteen => R460,
            _ => null,
        };
        if (rule is not null)
        {
            fail(rule, e.Id);
        }
    }

    /// <summary>Rules 361–364, 378, 408 and 446.</summary>
    private void CheckEpisodeLegalStatus(LacEpisode[] all, int i, Action<CensusRule, Guid?> fail)
    {
        var e = all[i];

        // 361–364: how long the status lasted, over a run of episodes with it each starting the day the last ended, to
        // the last one's end or 31 March if open. Days between start and end: police protection (72 hours) more than 3, an
        // EPO more than 21, a CAO more than 7, PACE (no length in the message; the validator's) more than 21.
        var limit = e.LegalStatus switch
        {
            "L1" => (Days: 3, Rule: R361),
            "L2" => (Days: 21, Rule: R362),
            "L3" => (Days: 7, Rule: R363),
            "J2" => (Days: 21, Rule: R364),
            _ => (Days: 0, Rule: null),
        };
        if (limit.Rule is not null)
        {
            var first = i;
            while (first > 0 && all[first - 1].LegalStatus == e.LegalStatus && all[first - 1].End == all[first].Start)
            {
                first--;
            }

            var last = i;
            while (last + 1 < all.Length && all[last + 1].LegalStatus == e.LegalStatus && all[last].End == all[last + 1].Start)
            {
                last++;
            }

            if (Episodic.Days(all[first].Start, all[last].End ?? year.End) > limit.Days)
            {
                fail(limit.Rule, e.Id);
            }
        }

        if (e.Place == "P1" && e.LegalStatus == "V2")
        {
            fail(R378, e.Id);
        }

        // 408: A5 and A6 are placements under a placement order (E1), as the validator reads them.
        if (e.Place is "A5" or "A6" && e.LegalStatus != "E1")
        {
            fail(R408, e.Id);
        }

        if (e.LegalStatus == "E1" && e.Start < Episodic.PlacementOrdersFrom)
        {
            fail(R446, e.Id);
        }
    }

    /// <summary>Rules 365–367, 382, 384 and 426: short breaks, V3 (an individual break) and V4 (an agreement for breaks).</summary>
    private void CheckEpisodeShortBreak(LacEpisode[] all, int i, ref string? firstShortBreak, Action<CensusRule, Guid?> fail)
    {
        var e = all[i];
        if (e.LegalStatus is not ("V3" or "V4"))
        {
            return;
        }

        if (Placement.TemporaryTypes.Contains(e.Place))
        {
            fail(R382, e.Id);
        }

        // 384: long-term foster placements, U1 and U4.
        if (e.Place is "U1" or "U4")
        {
            fail(R384, e.Id);
        }

        // 426: failed on each episode of the year with the other short-break status than the year's first.
        firstShortBreak ??= e.LegalStatus;
        if (e.LegalStatus != firstShortBreak)
        {
            fail(R426, e.Id);
        }

        if (e.LegalStatus != "V3")
        {
            return;
        }

        // 365: more than 17 days from start to end (or 31 March).
        if (Episodic.Days(e.Start, e.End ?? year.End) > 17)
        {
            fail(R365, e.Id);
        }

        if (e.Rne != "S")
        {
            fail(R366, e.Id);
        }

        // 367: the days of V3 breaks (end minus start, open ones to 31 March) in the 12 months before this break ends or
        // after it starts, looking back before the year. The most in any 12 months is in a window that ends as a break
        // ends or starts as one starts, so these two windows of each break find it.
        var ends = e.End ?? year.End;
        if (EpisodeShortBreakDays(all, ends.AddYears(-1), ends) > 75 || EpisodeShortBreakDays(all, e.Start, e.Start.AddYears(1)) > 75)
        {
            fail(R367, e.Id);
        }
    }

    private int EpisodeShortBreakDays(LacEpisode[] all, DateOnly from, DateOnly to)
    {
        var days = 0;
        foreach (var b in all)
        {
            if (b.LegalStatus != "V3")
            {
                continue;
            }

            var start = b.Start > from ? b.Start : from;
            var end = (b.End ?? year.End) < to ? b.End ?? year.End : to;
            days += Math.Max(0, Episodic.Days(start, end));
        }

        return days;
    }

    /// <summary>Rules 375–377 and 379–383: temporary placements (T0–T4).</summary>
    private void CheckEpisodeTemporary(LacEpisode[] all, int i, Action<CensusRule, Guid?> fail)
    {
        var e = all[i];

        // 383: after a temporary placement the child goes back (a change of placement and carers, P) to the type and
        // postcode of the placement before it, in the same period of care.
        if (i >= 2 && Placement.TemporaryTypes.Contains(all[i - 1].Place)
            && all[i - 1].PeriodId == e.PeriodId && all[i - 2].PeriodId == e.PeriodId
            && (e.Rne != "P" || e.Place != all[i - 2].Place
                || !string.Equals(e.PlacementPostcode ?? string.Empty, all[i - 2].PlacementPostcode ?? string.Empty, StringComparison.Ordinal)))
        {
            fail(R383, e.Id);
        }

        if (!Placement.TemporaryTypes.Contains(e.Place))
        {
            return;
        }

        // 380: entered only by a change of placement and carers (P or B), the validator's reading, so never by S.
        if (e.Rne is not ("P" or "B"))
        {
            fail(R380, e.Id);
        }

        if (Episodic.Has(e.ReasonCeased) && e.ReasonCeased != "X1")
        {
            fail(R381, e.Id);
        }

        // 375, 376, 379: days from start to end, or to 31 March while open (the validator checks ended ones only).
        var limit = e.Place switch
        {
            "T1" => (Days: 42, Rule: R375),
            "T3" => (Days: 21, Rule: R376),
            "T4" => (Days: 7, Rule: R379),
            _ => (Days: 0, Rule: null),
        };
        if (limit.Rule is not null && Episodic.Days(e.Start, e.End ?? year.End) > limit.Days)
        {
            fail(limit.Rule, e.Id);
        }

        // 377: a third T3 starting within 12 months of two others (looking back before the year).
        if (e.Place == "T3")
        {
            var since = e.Start.AddYears(-1);
            var count = 0;
            foreach (var t in all)
            {
                if (t.Place == "T3" && t.Start > since && t.Start <= e.Start)
                {
                    count++;
                }
            }

            if (count > 2)
            {
                fail(R377, e.Id);
            }
        }
    }

    /// <summary>Rules 217, 336, 390 and 516.</summary>
    private static void CheckEpisodeAdoption(LacEpisode e, LacEpisode? previous, Action<CensusRule, Guid?> fail)
    {
        if (e.Place is "A3" or "A5" && e.Start >= Episodic.Rule217From && e.Rne is not ("S" or "T" or "U"))
        {
            fail(R217, e.Id);
        }

        // 336: placed for adoption with current foster carers (A3, A5; the validator's code has A3 and A4, its comment and
        // the placement types' meaning A3 and A5) straight from a foster or adoption placement of the same period.
        if (e.Place is "A3" or "A5" && previous is not null && previous.PeriodId == e.PeriodId
            && !Episodic.Fostering.Contains(previous.Place) && !Episodic.PlacedForAdoption.Contains(previous.Place))
        {
            fail(R336, e.Id);
        }

        if (e.ReasonCeased is "E11" or "E12" && !Episodic.PlacedForAdoption.Contains(e.Place))
        {
            fail(R390, e.Id);
        }

        if (e.ReasonCeased is "E45" or "E46" && !Episodic.Fostering.Contains(e.Place))
        {
            fail(R516, e.Id);
        }
    }

    private bool IsEpisodeInYear(LacEpisode e) => e.Start <= year.End && (e.End is null || e.End >= year.Start);

    /// <summary>The Episodes rules' code lists and helpers, apart from the Header rules' in the same class.</summary>
    private static partial class Episodic
    {
        /// <summary>No episode starts before the Children Act 1989 came into force (rule 353).</summary>
        internal static readonly DateOnly ChildrenAct = new(1991, 10, 14);

        /// <summary>Placement orders (E1) exist from 30 December 2005; rule 446 counts from 1 December.</summary>
        internal static readonly DateOnly PlacementOrdersFrom = new(2005, 12, 1);

        /// <summary>Rule 217 applies to episodes starting from 1 April 2015 (the validator's date).</summary>
        internal static readonly DateOnly Rule217From = new(2015, 4, 1);

        /// <summary>
        /// Types with no provider (rules 213, 526; 2025/26 lists T0–T4 and Z11–Z14): the product's <see cref="Placement"/> list,
        /// with Z1 for the years before 2025/26.
        /// </summary>
        internal static readonly HashSet<string> WithoutProvider = new(StringComparer.Ordinal) { "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14" };

        /// <summary>
        /// Types no Ofsted registration covers (rules 218 and 222, the 2025/26 list; Z1 from the 2024/25 list): the product's
        /// <see cref="Placement.NeedsUrn"/> reading.
        /// </summary>
        internal static readonly HashSet<string> WithoutUrn = new(StringComparer.Ordinal) { "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14" };

        internal static readonly HashSet<string> PlacedForAdoption = new(StringComparer.Ordinal) { "A3", "A4", "A5", "A6" };

        internal static readonly HashSet<string> Fostering = new(StringComparer.Ordinal) { "U1", "U2", "U3", "U4", "U5", "U6" };

        /// <summary>The types PR3 (other public provision) cannot provide (rule 529).</summary>
        internal static readonly HashSet<string> NotPublic = new(StringComparer.Ordinal) { "P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6" };

        /// <summary>The episodes by start (then end, so a day-long episode comes before the one that follows it that day).</summary>
        internal static LacEpisode[] InStartOrder(IReadOnlyList<LacEpisode> episodes)
        {
            var sorted = true;
            for (var i = 1; i < episodes.Count && sorted; i++)
            {
                sorted = episodes[i - 1].Start < episodes[i].Start
                    || (episodes[i - 1].Start == episodes[i].Start && (episodes[i - 1].End ?? DateOnly.MaxValue) <= (episodes[i].End ?? DateOnly.MaxValue));
            }

            return sorted ? [.. episodes] : [.. episodes.OrderBy(e => e.Start).ThenBy(e => e.End ?? DateOnly.MaxValue)];
        }

        internal static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

        internal static bool Has([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) => !string.IsNullOrWhiteSpace(value);

        internal static bool SamePostcode(string a, string b) =>
            string.Equals(a.Replace(" ", string.Empty, StringComparison.Ordinal), b.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

        // A UK postcode's shape, as the product's placement form takes it.
        [GeneratedRegex("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$")]
        internal static partial Regex PostcodeShape();
    }
}
