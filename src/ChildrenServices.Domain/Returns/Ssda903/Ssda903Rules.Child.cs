using System.Globalization;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.Returns.Cin;
using E = ChildrenServices.Domain.Returns.Cin.RuleSeverity;

namespace ChildrenServices.Domain.Returns.Ssda903;

/// <summary>
/// The Header, UASC, Reviews, Missing, PrevPerm, SWEpisodes and (from 2026/27) DoLo files' rules. A header rule fails once
/// for the child (no record); a row's rule names the row: the review, missing period, social worker episode or liberty order,
/// the period of care for PrevPerm, the episode where the validator names one. "The file's episodes" are the year's
/// (<see cref="LacChild.EpisodesIn"/>); age rules are skipped for a child with no date of birth. Where the message leaves the
/// test open, the reading is the public 903 validator's (csc-validator-be-903, lac2022_23 to lac2026_27) unless the comment
/// says otherwise. Dates the model cannot hold wrongly (a review or social worker episode with no date, a date that is not a
/// date) are not checked: rules 104, 105, 166, 171, 1005, SW04 and SW05 cannot fail.
/// </summary>
public sealed partial class Ssda903Rules
{
    // Header.
    private static readonly CensusRule R101 = Add("101", E.Error, "The child or young person’s reported sex is not valid.", FixAt.ChildDetails);
    private static readonly CensusRule R102 = Add("102", E.Error, "Date of birth is not a valid date.", FixAt.ChildDetails);
    private static readonly CensusRule R103 = Add("103", E.Error, "The ethnicity code is either not valid or has not been entered.", FixAt.ChildDetails);
    private static readonly CensusRule R168 = Add("168", E.Error, "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.", FixAt.ChildDetails);
    private static readonly CensusRule R209 = Add("209", E.Error, "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.", FixAt.ChildDetails);
    private static readonly CensusRule R210 = Add("210", E.Error, "Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.", FixAt.ChildDetails);
    private static readonly CensusRule R231 = Add("231", E.Query, "We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.", FixAt.ChildDetails);
    private static readonly CensusRule R232 = Add("232", E.Query, "Sex of the child/young person has been reported as unknown.", FixAt.ChildDetails);
    private static readonly CensusRule R301 = Add("301", E.Error, "Date of birth falls after the year ended.", FixAt.ChildDetails);
    private static readonly CensusRule R351 = Add("351", E.Error, "Child was over 25 at the start of the current collection year.", FixAt.ChildDetails);
    private static readonly CensusRule R442 = Add("442", E.Error, "Unique Pupil Number (UPN) field is not completed.", FixAt.ChildDetails);

    // Motherhood (Header MOTHER, MC_DOB).
    private static readonly CensusRule R174 = Add("174", E.Error, "Mother's child date of birth is recorded but sex shows that the child is a male.", FixAt.Motherhood);
    private static readonly CensusRule R393 = Add("393", E.Error, "Child is looked after but mother field is not completed.", FixAt.Motherhood);
    private static readonly CensusRule R607 = Add("607", E.Error, "Child ceased to be looked after in the year, but mother field has not been completed.", FixAt.Motherhood);
    private static readonly CensusRule R611 = Add("611", E.Error, "Date of birth field is blank, but child is a mother.", FixAt.Motherhood);
    private static readonly CensusRule R612 = Add("612", E.Error, "Date of birth field has been completed but mother field indicates child is not a mother.", FixAt.Motherhood);
    private static readonly CensusRule R620 = Add("620", E.Error, "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.", FixAt.Motherhood);
    private static readonly CensusRule R621 = Add("621", E.Error, "Mother’s field has been completed but date of birth shows that the mother is younger than her child.", FixAt.Motherhood);
    private static readonly CensusRule R625 = Add("625", E.Error, "Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.", FixAt.Motherhood);

    // UASC.
    private static readonly CensusRule R303 = Add("303", E.Error, "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.", FixAt.Uasc);
    private static readonly CensusRule R304 = Add("304", E.Error, "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.", FixAt.Uasc);

    // Reviews.
    private static readonly CensusRule R167 = Add("167", E.Error, "Data entry for participation is invalid or blank.", FixAt.LookedAfterReview);
    private static readonly CensusRule R399 = Add("399", E.Error, "Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.", FixAt.LookedAfter);
    private static readonly CensusRule R440 = Add("440", E.Error, "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.", FixAt.LookedAfterReview);
    private static readonly CensusRule R441 = Add("441", E.Error, "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.", FixAt.LookedAfterReview);

    // Missing.
    private static readonly CensusRule R564 = Add("564", E.Error, "Child was missing or away from placement without authorisation and the date started is blank.", FixAt.Missing);
    private static readonly CensusRule R565 = Add("565", E.Error, "The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.", FixAt.Missing);
    private static readonly CensusRule R566 = Add("566", E.Error, "The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.", FixAt.Missing);
    private static readonly CensusRule R567 = Add("567", E.Error, "The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.", FixAt.Missing);
    private static readonly CensusRule R570 = Add("570", E.Error, "The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.", FixAt.Missing);
    private static readonly CensusRule R571 = Add("571", E.Error, "The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.", FixAt.Missing);
    private static readonly CensusRule R574 = Add("574", E.Error, "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.", FixAt.Missing);
    private static readonly CensusRule R575 = Add("575", E.Error, "If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.", FixAt.Missing);
    private static readonly CensusRule R577 = Add("577", E.Error, "Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.", FixAt.Missing);
    private static readonly CensusRule R578 = Add("578", E.Error, "The date that the child started to be missing is after the child ceased to be looked after.", FixAt.Missing);
    private static readonly CensusRule R580 = Add("580", E.Error, "Child is missing when cease being looked after but reason episode ceased not ‘E8’.", FixAt.LookedAfter);
    private static readonly CensusRule R581 = Add("581", E.Error, "Child is missing but has not yet started to be looked after.", FixAt.Missing);
    private static readonly CensusRule R586 = Add("586", E.Error, "Dates of missing periods are before child’s date of birth.", FixAt.Missing);
    private static readonly CensusRule R1004 = Add("1004", E.Error, "The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.", FixAt.Missing);
    private static readonly CensusRule R1006 = Add("1006", E.Error, "Missing type invalid.", FixAt.Missing);

    // PrevPerm.
    private static readonly CensusRule R630 = Add("630", E.Error, "Information on previous permanence option should be returned.", FixAt.LookedAfter);
    private static readonly CensusRule R631 = Add("631", E.Error, "Previous permanence option not a valid value.", FixAt.LookedAfter);
    private static readonly CensusRule R632 = Add("632", E.Error, "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year", FixAt.LookedAfter);
    private static readonly CensusRule R633 = Add("633", E.Error, "Local authority code where previous permanence option was arranged is not a valid value.", FixAt.LookedAfter);
    private static readonly CensusRule R634 = Add("634", E.Error, "There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.", FixAt.LookedAfter);
    private static readonly CensusRule R635 = Add("635", E.Error, "There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1", FixAt.LookedAfter);

    // SWEpisodes.
    private static readonly CensusRule RSw01a = Add("SW01aSTG1", E.Error, "For each social worker episode, information should be complete", FixAt.StaffDetails);
    private static readonly CensusRule RSw01b = Add("SW01bSTG1", E.Error, "For each social worker episode, information should be complete", FixAt.Allocation);
    private static readonly CensusRule RSw02 = Add("SW02STG1", E.Error, "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.", FixAt.StaffDetails);
    private static readonly CensusRule RSw06 = Add("SW06STG2", E.Error, "Social worker episode data should be within the social worker data reporting year.", FixAt.Allocation);
    private static readonly CensusRule RSw07 = Add("SW07STG2", E.Error, "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.", FixAt.Allocation);
    private static readonly CensusRule RSw08 = Add("SW08STG2", E.Error, "A new social worker episode has started, but the previous episode has not ended.", FixAt.Allocation);
    private static readonly CensusRule RSw09 = Add("SW09STG2", E.Query, "Social worker episode appears to have lasted for less than 24 hours.", FixAt.Allocation);
    private static readonly CensusRule RSw10 = Add("SW10STG2", E.Error, "A new social worker episode has started before the end date of the previous social worker episode.", FixAt.Allocation);
    private static readonly CensusRule RSw11b = Add("SW11bSTG2", E.Error, "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.", FixAt.Allocation);
    private static readonly CensusRule RSw12 = Add("SW12STG2", E.Error, "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after", FixAt.Allocation);
    private static readonly CensusRule RSw13 = Add("SW13STG1", E.Error, "The reason for social worker change is not valid.", FixAt.Allocation);
    private static readonly CensusRule RSw15 = Add("SW15STG2", E.Error, "Reason for social worker change is missing.", FixAt.Allocation);
    private static readonly CensusRule RSw17 = Add("SW17STG2", E.Error, "There is no social worker episode open at 31 March", FixAt.Allocation);

    // DoLo (2026/27 on).
    private static readonly CensusRule R702 = Add("702", E.Error, "The date that the DoLO ended is before the date that it started.", FixAt.LookedAfter);
    private static readonly CensusRule R703 = Add("703", E.Error, "The date that the DoLO started is after the end of the collection year.", FixAt.LookedAfter);
    private static readonly CensusRule R704 = Add("704", E.Error, "The date that the DoLO ended is before the start or after the end of the collection year.", FixAt.LookedAfter);
    private static readonly CensusRule R705 = Add("705", E.Error, "A DoLO cannot start when the previous DoLO is still open.", FixAt.LookedAfter);
    private static readonly CensusRule R707 = Add("707", E.Error, "Child ceased to be looked after but there is a DoLO without an end date.", FixAt.LookedAfter);
    private static readonly CensusRule R708 = Add("708", E.Error, "Dates of DoLOs are before child’s date of birth.", FixAt.LookedAfter);
    private static readonly CensusRule R709 = Add("709", E.Query, "Child with a DoLO is in an unexpected placement type.", FixAt.LookedAfter);
    private static readonly CensusRule R710 = Add("710", E.Error, "Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation.", FixAt.LookedAfter);

    private partial void CheckChild(LacChild child, Action<CensusRule, Guid?> fail)
    {
        var inYear = child.EpisodesIn(year);
        CheckHeader(child, inYear, fail);
        CheckMotherhood(child, inYear, fail);
        CheckUasc(child, fail);
        CheckReviews(child, inYear, fail);
        CheckMissing(child, fail);
        CheckPreviousPermanence(child, inYear, fail);
        CheckSocialWorkers(child, fail);
        if (year.StartYear >= ChildFiles.FirstDoLoYear)
        {
            CheckLibertyOrders(child, inYear, fail);
        }
    }

    private void CheckHeader(LacChild child, IReadOnlyList<LacEpisode> inYear, Action<CensusRule, Guid?> fail)
    {
        if (child.Sex is not ("M" or "F" or "U"))
        {
            fail(R101, null);
        }

        if (child.Sex == "U")
        {
            fail(R232, null);
        }

        if (child.Ethnicity is null || !DfeCodes.Ethnicity.Contains(child.Ethnicity, year.EndYear))
        {
            fail(R103, null);
        }

        var upn = child.Upn?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(upn) && !ChildFiles.IsUpnOrUnknownCode(upn))
        {
            fail(R168, null);
        }

        // 442: a UPN (or UN1–UN5) for every child with an episode in the year that is not a short break.
        if (string.IsNullOrEmpty(upn) && inYear.Any(e => !ChildFiles.IsShortBreak(e)))
        {
            fail(R442, null);
        }

        // 210 (UN4, new to the council): looked after at 31 March in a period of care that began before 24 March, so more
        // than a week. The validator applies the DfE's wording literally ("no episode DECOM must be >= 24/03") and so flags
        // UN4 for the children who started within the week, the reverse of the message; the message's reading is taken.
        if (upn == "UN4" && ChildFiles.CurrentPeriodStart(child, year) is { } periodStart && periodStart < year.End.AddDays(-7))
        {
            fail(R210, null);
        }

        if (child.BirthDate is not { } born)
        {
            fail(R102, null);
            return;
        }

        // 209 (the validator's school age): 4 or over by 31 August of the year before the collection year starts
        // (31 August 2024 for 2025/26), so in reception class by the September before the year.
        if (upn == "UN1" && born.AddYears(4) <= new DateOnly(year.StartYear - 1, 8, 31))
        {
            fail(R209, null);
        }

        // 231: a UASC child under 11 at 31 March.
        if (child.Uasc && born > year.End.AddYears(-11))
        {
            fail(R231, null);
        }

        if (born > year.End)
        {
            fail(R301, null);
        }

        if (born.AddYears(25) < year.Start)
        {
            fail(R351, null);
        }
    }

    private void CheckMotherhood(LacChild child, IReadOnlyList<LacEpisode> inYear, Action<CensusRule, Guid?> fail)
    {
        if (child.Sex == "M" && child.FirstChildBorn is not null)
        {
            fail(R174, null);
        }

        // 393 (the validator's reading): a girl with an episode in the year that is not a short break (V3, V4).
        if (child.Sex == "F" && child.IsMother is null && inYear.Any(e => !ChildFiles.IsShortBreak(e)))
        {
            fail(R393, null);
        }

        // 607: a girl whose episode (not a short break) ended in the year with a reason other than X1.
        if (child.Sex == "F" && child.IsMother is null
            && inYear.Any(e => e.End is { } ended && year.Contains(ended) && e.ReasonCeased is { Length: > 0 } and not "X1" && !ChildFiles.IsShortBreak(e)))
        {
            fail(R607, null);
        }

        if (child.IsMother == true && child.FirstChildBorn is null)
        {
            fail(R611, null);
        }

        if (child.IsMother != true && child.Sex == "F" && child.FirstChildBorn is not null)
        {
            fail(R612, null);
        }

        // 620: under 11 on 1 April.
        if (child.IsMother == true && child.BirthDate is { } born && born.AddYears(11) > year.Start)
        {
            fail(R620, null);
        }

        if (child.FirstChildBorn is { } first)
        {
            if (child.BirthDate is { } own && first <= own)
            {
                fail(R621, null);
            }

            // 625: after 31 March, or after the child ceased to be looked after (the year's last episode ended). The validator
            // compares with the latest end date of any episode, an X1 change of placement too, which would fail a mother still
            // looked after whose child was born after she moved; the message's "ceased to be looked after" is taken.
            var ceased = inYear.Count > 0 && !child.LookedAfterAtEndOf(year) ? inYear[^1].End : null;
            if (first > year.End || first > ceased)
            {
                fail(R625, null);
            }
        }
    }

    private static void CheckUasc(LacChild child, Action<CensusRule, Guid?> fail)
    {
        if (child.UascCeased is not { } ceased)
        {
            return;
        }

        if (!child.Uasc)
        {
            fail(R303, null);
        }

        if (child.BirthDate is { } born && ceased > born.AddYears(18))
        {
            fail(R304, null);
        }
    }

    private void CheckReviews(LacChild child, IReadOnlyList<LacEpisode> inYear, Action<CensusRule, Guid?> fail)
    {
        foreach (var review in child.Reviews)
        {
            var code = review.ParticipationCode?.Trim().ToUpperInvariant();
            if (code is null || !Ssda903Codes.ReviewParticipation.Contains(code, year.EndYear))
            {
                fail(R167, review.Id);
            }

            if (child.BirthDate is { } born)
            {
                // The validator's: PN0 fails after the 4th birthday, PN1–PN7 before it; on the birthday either passes.
                var fourth = born.AddYears(4);
                if (code == "PN0" && review.Date > fourth)
                {
                    fail(R440, review.Id);
                }

                if (code is "PN1" or "PN2" or "PN3" or "PN4" or "PN5" or "PN6" or "PN7" && review.Date < fourth)
                {
                    fail(R441, review.Id);
                }
            }
        }

        // 399 (the validator's reading): every episode in the year is a short break (V3, V4), and yet the return has the
        // mother field or a review. Once, on the year's last episode: the legal status and the review both live on the care record.
        if (inYear.Count > 0 && inYear.All(ChildFiles.IsShortBreak) && (child.IsMother is not null || child.Reviews.Count > 0))
        {
            fail(R399, inYear[^1].Id);
        }
    }

    private void CheckMissing(LacChild child, Action<CensusRule, Guid?> fail)
    {
        if (child.Missing.Count == 0)
        {
            return;
        }

        var episodes = ChildFiles.InStartOrder(child.Episodes);
        foreach (var missing in child.Missing)
        {
            var type = missing.Type?.Trim().ToUpperInvariant();
            var hasType = !string.IsNullOrEmpty(type);
            if (hasType && !Ssda903Codes.MissingType.Contains(type!, year.EndYear))
            {
                fail(R1006, missing.Id);
            }

            if (missing.Start is null)
            {
                fail(R1004, missing.Id);
                if (type is "M" or "A")
                {
                    fail(R564, missing.Id);
                }
            }
            else if (!hasType)
            {
                fail(R565, missing.Id);
            }

            if (missing.End is not null && !hasType)
            {
                fail(R566, missing.Id);
            }

            if (missing.End is { } end)
            {
                if (missing.Start > end)
                {
                    fail(R567, missing.Id);
                }

                if (!year.Contains(end))
                {
                    fail(R571, missing.Id);
                }
            }

            if (missing.Start is not { } start)
            {
                continue;
            }

            if (start > year.End)
            {
                fail(R570, missing.Id);
            }

            // The validator's: on or before the date of birth.
            if (child.BirthDate is { } born && start <= born)
            {
                fail(R586, missing.Id);
            }

            // 581 and 578 (the validator's test for both: the start falls in no episode). Before the first episode ever the
            // child had not yet started to be looked after (581); after an episode ended, they had ceased to be (578).
            if (episodes.Length > 0 && !Array.Exists(episodes, e => e.Start <= start && (e.End is null || start <= e.End)))
            {
                fail(start < episodes[0].Start ? R581 : R578, missing.Id);
            }

            if (missing.End is null)
            {
                // 575: the placement the child went missing from (the last episode begun by then, followed through any same-day
                // change of legal status only, RNE L, which keeps the placement) has ended. The validator counts every
                // episode end, a change of legal status too.
                if (ChildFiles.PlacementFrom(episodes, start) is { End: not null })
                {
                    fail(R575, missing.Id);
                }

                // 577: the period of care the missing period belongs to has ended.
                if (ChildFiles.PeriodEnded(child.Episodes, missing.PeriodId))
                {
                    fail(R577, missing.Id);
                }
            }
        }

        // 574 (the validator's): in order of end (the start for one still open), each period starts once the one before has
        // ended, on or after its end.
        var dated = child.Missing.Where(m => m.Start is not null).OrderBy(m => m.End ?? m.Start).ThenBy(m => m.Start).ToList();
        for (var i = 1; i < dated.Count; i++)
        {
            if (dated[i - 1].End is not { } previousEnd || dated[i].Start < previousEnd)
            {
                fail(R574, dated[i].Id);
            }
        }

        // 580 (the validator's reading): a missing period that ended on the 18th birthday, the day an episode ended (the child
        // ceased to be looked after: not X1), whose reason is not E8. Failed on the episode, whose reason is what to change.
        if (child.BirthDate is { } birth)
        {
            var eighteen = birth.AddYears(18);
            if (child.Missing.Any(m => m.End == eighteen))
            {
                foreach (var e in episodes.Where(e => e.End == eighteen && e.ReasonCeased is not ("E8" or "X1")))
                {
                    fail(R580, e.Id);
                }
            }
        }
    }

    private void CheckPreviousPermanence(LacChild child, IReadOnlyList<LacEpisode> inYear, Action<CensusRule, Guid?> fail)
    {
        var permanence = child.PreviousPermanence;
        var option = permanence?.Option?.Trim().ToUpperInvariant();
        var council = permanence?.LocalAuthority?.Trim().ToUpperInvariant();
        var ordered = permanence?.OrderDate?.Trim();
        var hasOption = !string.IsNullOrEmpty(option);
        var hasCouncil = !string.IsNullOrEmpty(council);
        var hasDate = !string.IsNullOrEmpty(ordered);

        // 630 (the validator's): a child who started to be looked after in the year (an episode S from 1 April) has the
        // PrevPerm row, with PREV_PERM, and LA_PERM and DATE_PERM unless PREV_PERM is Z1 (P4, not known, too: the
        // validator's list of councils has 999).
        var started = inYear.FirstOrDefault(e => e.Rne == "S" && e.Start >= year.Start);
        if (started is not null && (!hasOption || (option != PreviousPermanence.None && (!hasCouncil || !hasDate))))
        {
            fail(R630, started.PeriodId);
        }

        if (permanence is null)
        {
            return;
        }

        var period = permanence.PeriodId;
        if (hasOption && !Ssda903Codes.PreviousPermanence.Contains(option!, year.EndYear))
        {
            fail(R631, period);
        }

        // 632: DATE_PERM is dd/mm/yyyy with zz for a part not known, and before the period of care began. As the validator,
        // a part not known is taken at its latest (zz/05/2024 as 31 May 2024, zz/zz/2024 as 31 December), so an order
        // that may have come after care began is queried; a year not known is not compared. The period's own start is used,
        // so a period begun before the year is checked too (the validator's note).
        if (hasDate && (!ChildFiles.TryReadOrderDate(ordered!, out var latest) || latest >= permanence.PeriodStart))
        {
            fail(R632, period);
        }

        if (hasCouncil && !Ssda903Codes.IsLocalAuthorityCode(council!))
        {
            fail(R633, period);
        }

        // 634: the period began before 1 April 2016, or (the validator's reading) no episode has begun since the year started.
        if ((hasOption || hasCouncil || hasDate)
            && (permanence.PeriodStart < PreviousPermanence.AskedFrom || !child.Episodes.Any(e => e.Start >= year.Start)))
        {
            fail(R634, period);
        }

        // 635: a council or a date with Z1, or (the validator's test) with no option at all.
        if ((hasCouncil || hasDate) && (option == PreviousPermanence.None || !hasOption))
        {
            fail(R635, period);
        }
    }

    private void CheckSocialWorkers(LacChild child, Action<CensusRule, Guid?> fail)
    {
        var episodes = child.SocialWorkerEpisodes.OrderBy(s => s.Start).ThenBy(s => s.End ?? DateOnly.MaxValue).ToList();

        // The social worker reporting period (SW07, SW15): from 1 April of the year before, as the validator reads it.
        var reportingFrom = year.Start.AddYears(-1);
        bool staffMissing = false, staffMalformed = false;
        for (var i = 0; i < episodes.Count; i++)
        {
            var sw = episodes[i];
            var id = sw.SocialWorkerId?.Trim().ToUpperInvariant();
            var reason = sw.Reason?.Trim().ToUpperInvariant();
            var hasId = !string.IsNullOrEmpty(id);
            var hasReason = !string.IsNullOrEmpty(reason);

            // SW01a/b: before 1 April 2023 an episode needs SW_ID; from then SW_ID and SW_REASON. A worker's missing number
            // (SW01a) and a malformed one (SW02) are put right on the worker, once for the child.
            if (sw.Start < ChildFiles.SocialWorkerReasonsFrom)
            {
                staffMissing |= !hasId;
            }
            else if (!hasId || !hasReason)
            {
                fail(RSw01b, sw.Id);
            }

            // SW02: a blank SW_ID is SW01's.
            staffMalformed |= hasId && !id!.StartsWith("SW", StringComparison.Ordinal) && !id.StartsWith("XX", StringComparison.Ordinal);

            if (sw.Start > year.End)
            {
                fail(RSw06, sw.Id);
            }

            if (sw.End is { } end)
            {
                if (end < reportingFrom || end > year.End)
                {
                    fail(RSw07, sw.Id);
                }

                if (end == sw.Start)
                {
                    fail(RSw09, sw.Id);
                }
            }

            // SW08: every episode but the latest has ended.
            if (i < episodes.Count - 1 && sw.End is null)
            {
                fail(RSw08, sw.Id);
            }

            // SW10 (the validator's): unless the worker came with a first contact or re-referral (FCONTA), an episode starts
            // within 7 days either side of the previous one's end. A previous episode still open is SW08's.
            if (i > 0 && reason != "FCONTA" && episodes[i - 1].End is { } previousEnd
                && Math.Abs(sw.Start.DayNumber - previousEnd.DayNumber) > 7)
            {
                fail(RSw10, sw.Id);
            }

            // SW11b (the validator's window): an episode ending in the last five days of the year (26 to 31 March) with no
            // episode begun after it.
            if (sw.End is { } ended && ended >= year.End.AddDays(-5) && ended <= year.End && !episodes.Any(o => o.Start > sw.Start))
            {
                fail(RSw11b, sw.Id);
            }

            // SW13: a reason given is one of the list; a blank one is SW15's (and SW01b's).
            if (hasReason && !Ssda903Codes.SocialWorkerChangeReason.Contains(reason!, year.EndYear))
            {
                fail(RSw13, sw.Id);
            }

            if (!hasReason && sw.Start >= reportingFrom)
            {
                fail(RSw15, sw.Id);
            }
        }

        if (staffMissing)
        {
            fail(RSw01a, null);
        }

        if (staffMalformed)
        {
            fail(RSw02, null);
        }

        // SW17: the latest episode is still open at 31 March, for a child looked after then. The validator asks it of every
        // child in the file, but a child who left care in the year may rightly have no social worker on 31 March (the case
        // closed), and the message speaks of the 31 March open episode the looked-after child must have.
        if (episodes.Count > 0 && episodes[^1].End is not null && child.LookedAfterAtEndOf(year))
        {
            fail(RSw17, episodes[^1].Id);
        }

        // SW12: the validator's test (every start and end of care in two years matched with a social worker episode) does
        // not pass its own examples. Read here as: a child looked after at 31 March (not on a short break) has a social worker
        // episode open on 1 April, or on the day the current period of care began if later. Failed on the earliest episode
        // (none when there is none).
        var open = child.Episodes.FirstOrDefault(e => e.Start <= year.End && e.End is null);
        if (open is not null && !ChildFiles.IsShortBreak(open) && ChildFiles.CurrentPeriodStart(child, year) is { } periodStart)
        {
            var from = periodStart > year.Start ? periodStart : year.Start;
            if (!episodes.Exists(s => s.Start <= from && (s.End is null || s.End >= from)))
            {
                fail(RSw12, episodes.Count > 0 ? episodes[0].Id : null);
            }
        }
    }

    private void CheckLibertyOrders(LacChild child, IReadOnlyList<LacEpisode> inYear, Action<CensusRule, Guid?> fail)
    {
        if (child.LibertyOrders.Count == 0)
        {
            return;
        }

        foreach (var order in child.LibertyOrders)
        {
            // 702 (the validator's): ending on the day it started fails too.
            if (order.End is { } end)
            {
                if (end <= order.Start)
                {
                    fail(R702, order.Id);
                }

                if (!year.Contains(end))
                {
                    fail(R704, order.Id);
                }
            }

            if (order.Start > year.End)
            {
                fail(R703, order.Id);
            }

            // 707: still open though the period of care it belongs to has ended.
            if (order.End is null && ChildFiles.PeriodEnded(child.Episodes, order.PeriodId))
            {
                fail(R707, order.Id);
            }

            // The validator's: on or before the date of birth.
            if (child.BirthDate is { } born && order.Start <= born)
            {
                fail(R708, order.Id);
            }

            // 709 and 710: the placements of the year's episodes the order overlaps. The validator checks orders that have
            // ended; an order still open is taken to 31 March here, as the messages hold for it too. A placement 710 forbids
            // (K1 secure children's home, P1 with parents, R5 young offender institution, K3 supported accommodation) is
            // not also queried as unexpected (709 expects K2, Z12, Z13).
            var until = order.End ?? year.End;
            var overlapped = inYear.Where(e => e.Start <= until && (e.End is null || e.End >= order.Start)).Select(e => e.Place).ToList();
            if (overlapped.Exists(p => p is "K1" or "P1" or "R5" or "K3"))
            {
                fail(R710, order.Id);
            }

            if (overlapped.Exists(p => p is not ("K2" or "Z12" or "Z13" or "K1" or "P1" or "R5" or "K3")))
            {
                fail(R709, order.Id);
            }
        }

        // 705 (the validator's, as 574): in order of end, each order starts once the one before has ended.
        var ordered = child.LibertyOrders.OrderBy(o => o.End ?? o.Start).ThenBy(o => o.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i - 1].End is not { } previousEnd || ordered[i].Start < previousEnd)
            {
                fail(R705, ordered[i].Id);
            }
        }
    }

    /// <summary>The Header and other child-level files' code lists and helpers.</summary>
    private static class ChildFiles
    {
        /// <summary>The DoLo file is collected from 2026/27.</summary>
        internal const int FirstDoLoYear = 2026;

        /// <summary>From 1 April 2023 a social worker episode needs a reason (SW01bSTG1, SW13STG1).</summary>
        internal static readonly DateOnly SocialWorkerReasonsFrom = new(2023, 4, 1);

        /// <summary>A UPN's check letters (the DfE's 23 letters: no I, O or S).</summary>
        private const string UpnCheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

        internal static bool IsShortBreak(LacEpisode e) => e.LegalStatus is "V3" or "V4";

        /// <summary>
        /// 168: UN1–UN5, or a UPN: a letter (not I, O or S), eleven digits, and a digit or a letter (a temporary UPN), as
        /// the validator's pattern. Where characters 2 to 13 are all digits the check letter is worked out as the CIN census's
        /// rule 1510 does (the validator checks the shape only): a UPN with the wrong check letter is not a valid UPN.
        /// </summary>
        internal static bool IsUpnOrUnknownCode(string upn)
        {
            if (upn is "UN1" or "UN2" or "UN3" or "UN4" or "UN5")
            {
                return true;
            }

            if (upn.Length != 13 || !char.IsAsciiLetterUpper(upn[0]) || upn[0] is 'I' or 'O' or 'S'
                || !upn[1..12].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(upn[12]) || char.IsAsciiLetterUpper(upn[12])))
            {
                return false;
            }

            if (!char.IsAsciiDigit(upn[12]))
            {
                return true;
            }

            var sum = 0;
            for (var i = 1; i < 13; i++)
            {
                sum += (upn[i] - '0') * (i + 1);
            }

            return UpnCheckLetters[sum % 23] == upn[0];
        }

        internal static LacEpisode[] InStartOrder(IReadOnlyList<LacEpisode> episodes) =>
            [.. episodes.OrderBy(e => e.Start).ThenBy(e => e.End ?? DateOnly.MaxValue)];

        /// <summary>When the period of care open at 31 March began; null when the child is not looked after then.</summary>
        internal static DateOnly? CurrentPeriodStart(LacChild child, CollectionYear year)
        {
            var open = child.Episodes.FirstOrDefault(e => e.Start <= year.End && e.End is null);
            return open is null ? null : child.Episodes.Where(e => e.PeriodId == open.PeriodId).Min(e => e.Start);
        }

        /// <summary>The period of care has episodes and none is still open.</summary>
        internal static bool PeriodEnded(IReadOnlyList<LacEpisode> episodes, Guid periodId)
        {
            var any = false;
            foreach (var e in episodes)
            {
                if (e.PeriodId != periodId)
                {
                    continue;
                }

                if (e.End is null)
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        /// <summary>
        /// The placement a child went missing from on <paramref name="day"/>: the last episode begun by then, followed on
        /// through episodes that change the legal status only (RNE L) the day it ends; null when none had begun.
        /// </summary>
        internal static LacEpisode? PlacementFrom(LacEpisode[] inStartOrder, DateOnly day)
        {
            var at = Array.FindLastIndex(inStartOrder, e => e.Start <= day);
            if (at < 0)
            {
                return null;
            }

            var placement = inStartOrder[at];
            for (var i = at + 1; i < inStartOrder.Length && placement.End is { } end; i++)
            {
                if (inStartOrder[i].Start == end && inStartOrder[i].Rne == "L")
                {
                    placement = inStartOrder[i];
                }
                else if (inStartOrder[i].Start > end)
                {
                    break;
                }
            }

            return placement;
        }

        /// <summary>
        /// Reads DATE_PERM: dd/mm/yyyy, any part zz (zzzz for the year) when not known. <paramref name="latest"/> is the
        /// latest day it can be (a day not known is the month's last, a month not known December's), null when the year is
        /// not known. False when the text is not of that form or the date cannot exist.
        /// </summary>
        internal static bool TryReadOrderDate(string text, out DateOnly? latest)
        {
            latest = null;
            var parts = text.Split('/');
            if (parts.Length != 3 || parts[0].Length != 2 || parts[1].Length != 2 || parts[2].Length != 4
                || !TryPart(parts[0], out var day) || !TryPart(parts[1], out var month) || !TryPart(parts[2], out var yearOf))
            {
                return false;
            }

            if (month is < 1 or > 12 || day is < 1 or > 31 || yearOf is < 1)
            {
                return false;
            }

            if (day is { } d && month is { } m && d > DateTime.DaysInMonth(yearOf ?? 2000, m))
            {
                return false;
            }

            if (yearOf is not { } y)
            {
                return true;
            }

            latest = month is { } known
                ? new DateOnly(y, known, day ?? DateTime.DaysInMonth(y, known))
                : new DateOnly(y, 12, 31);
            return true;
        }

        private static bool TryPart(string part, out int? value)
        {
            value = null;
            if (part.All(c => c is 'z' or 'Z'))
            {
                return true;
            }

            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            value = number;
            return true;
        }
    }
}
