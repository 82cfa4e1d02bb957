using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Codes;
using E = ChildrenServices.Domain.Returns.Cin.RuleSeverity;

namespace ChildrenServices.Domain.Returns.Cin;

/// <summary>
/// The DfE's CIN census validation rules this product checks before a census leaves (docs/returns.md lists them, and
/// the ones it does not check and why). Each rule is the DfE's, read from its message and the fields it names in the
/// reference material (../shared/reference/dfe/cin-census.md, section 2.5); where a message leaves the test open, the
/// reading chosen is written beside it. A census year's "within the year" is 1 April to the reference date, 31 March.
/// </summary>
public sealed class CensusRules(CollectionYear year, WorkingDayCalendar calendar)
{
    private static readonly List<CensusRule> Registry = [];

    // Child identifiers and characteristics.
    private static readonly CensusRule R8500 = Add("8500", E.Error, "LA Child ID missing", FixAt.ChildDetails);
    private static readonly CensusRule R1570 = Add("1570", E.Error, "LA Child ID must not be longer than 20 characters", FixAt.ChildDetails);
    private static readonly CensusRule R1580 = Add("1580", E.Error, "LA Child ID must not contain any non-alphanumeric characters", FixAt.ChildDetails);
    private static readonly CensusRule R1510 = Add("1510", E.Error, "UPN invalid (wrong check letter at character 1)", FixAt.ChildDetails);
    private static readonly CensusRule R1530 = Add("1530", E.Error, "UPN invalid (characters 2-4 not a recognised LA code)", FixAt.ChildDetails);
    private static readonly CensusRule R1540 = Add("1540", E.Error, "UPN invalid (characters 5-12 not all numeric)", FixAt.ChildDetails);
    private static readonly CensusRule R1550 = Add("1550", E.Error, "UPN invalid (character 13 not a recognised value)", FixAt.ChildDetails);
    private static readonly CensusRule R4180 = Add("4180", E.Error, "Sex must be provided and equal M, F, or U", FixAt.ChildDetails);
    private static readonly CensusRule R8750 = Add("8750", E.Error, "Sex must equal U for an unborn child", FixAt.ChildDetails);
    private static readonly CensusRule R8520 = Add("8520", E.Error, "Date of Birth is after data collection period (must be on or before the end of the census period)", FixAt.ChildDetails);
    private static readonly CensusRule R8525 = Add("8525Q", E.Query, "Either Date of Birth or Expected Date of Birth must be provided (but not both)", FixAt.ChildDetails);
    private static readonly CensusRule R8530 = Add("8530Q", E.Query, "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)", FixAt.ChildDetails);
    private static readonly CensusRule R8535 = Add("8535Q", E.Query, "Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth", FixAt.ChildDetails);
    private static readonly CensusRule R8545 = Add("8545Q", E.Query, "Please check and either amend data or provide a reason: Child's date of death should be within the census year", FixAt.ChildDetails);
    private static readonly CensusRule R8770 = Add("8770Q", E.Query, "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.", FixAt.ChildDetails);
    private static readonly CensusRule R8772 = Add("8772", E.Error, "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action", FixAt.ChildDetails);
    private static readonly CensusRule R8775 = Add("8775Q", E.Query, "Please check and either amend data or provide a reason: Child is over 25 years old", FixAt.ChildDetails);
    private static readonly CensusRule R8590 = Add("8590", E.Error, "Child does not have a recorded CIN episode.", FixAt.ChildDetails);
    private static readonly CensusRule R4220 = Add("4220", E.Error, "Ethnicity is missing or invalid (see Ethnicity table)", FixAt.ChildDetails);
    private static readonly CensusRule R8540 = Add("8540", E.Error, "Child’s disability is missing or invalid (see Disability table)", FixAt.ChildDetails);
    private static readonly CensusRule R8790 = Add("8790", E.Error, "Disability information includes both None and other values", FixAt.ChildDetails);
    private static readonly CensusRule R8794 = Add("8794", E.Error, "Child has two or more disabilities with the same code", FixAt.ChildDetails);

    // CIN details (the episode of need).
    private static readonly CensusRule R8600 = Add("8600", E.Error, "Child referral date missing or after data collection period", FixAt.Referral);
    private static readonly CensusRule R8606 = Add("8606", E.Error, "Child referral date is more than 40 weeks before DOB or expected DOB", FixAt.Referral);
    private static readonly CensusRule R8555 = Add("8555Q", E.Query, "Child cannot be referred after its recorded date of death", FixAt.Referral);
    private static readonly CensusRule R8866 = Add("8866", E.Error, "Source of Referral is missing or an invalid code", FixAt.Referral);
    private static readonly CensusRule R8610 = Add("8610", E.Error, "Primary Need code is missing for a referral which led to further action.", FixAt.Referral);
    private static readonly CensusRule R8650 = Add("8650", E.Error, "Primary Need Code invalid (see Primary Need table in CIN census code set)", FixAt.Referral);
    private static readonly CensusRule R8620 = Add("8620", E.Error, "CIN Closure Date present and does not fall within the Census year", FixAt.Referral);
    private static readonly CensusRule R8630 = Add("8630", E.Error, "CIN Closure Date is before CIN Referral Date for the same CIN episode", FixAt.Referral);
    private static readonly CensusRule R8640 = Add("8640", E.Error, "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)", FixAt.Referral);
    private static readonly CensusRule R8805 = Add("8805", E.Error, "A CIN case cannot have a CIN closure date without a Reason for Closure", FixAt.Referral);
    private static readonly CensusRule R8810 = Add("8810", E.Error, "A CIN case cannot have a Reason for Closure without a CIN Closure Date", FixAt.Referral);
    private static readonly CensusRule R8815 = Add("8815", E.Error, "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.", FixAt.Referral);
    private static readonly CensusRule R8816 = Add("8816", E.Error, "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.", FixAt.Referral);
    private static readonly CensusRule R8820 = Add("8820", E.Error, "The dates on the CIN episodes for this child overlap", FixAt.Referral);
    private static readonly CensusRule R8825 = Add("8825Q", E.Query, "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.", FixAt.Referral);
    private static readonly CensusRule R8831 = Add("8831", E.Error, "Activity is recorded against a case marked as a referral with no further action", FixAt.Referral);
    private static readonly CensusRule R8832 = Add("8832", E.Error, "Child Protection details provided for a referral with no further action.", FixAt.Referral);
    private static readonly CensusRule R4000 = Add("4000", E.Error, "CIN Plan details provided for a referral with no further action", FixAt.Referral);
    private static readonly CensusRule R8867 = Add("8867", E.Error, "CIN episode is shown as closed, however Assessment is not shown as completed", FixAt.Assessment);
    private static readonly CensusRule R8868 = Add("8868", E.Error, "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag", FixAt.Section47);
    private static readonly CensusRule R2990 = Add("2990", E.Error, "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.", FixAt.Referral);
    private static readonly CensusRule R2991 = Add("2991Q", E.Query, "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode", FixAt.Assessment);
    private static readonly CensusRule R8569 = Add("8569Q", E.Query, "A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case", FixAt.Referral);
    private static readonly CensusRule R8585 = Add("8585Q", E.Query, "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death", FixAt.ChildDetails);
    private static readonly CensusRule R8565 = Add("8565", E.Error, "Activity shown after a case has been closed", FixAt.Referral);
    private static readonly CensusRule R8873 = Add("8873Q", E.Query, "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.", FixAt.Referral);

    // Assessments.
    private static readonly CensusRule R1103 = Add("1103", E.Error, "The assessment start date cannot be before the referral date", FixAt.Assessment);
    private static readonly CensusRule R8608 = Add("8608", E.Error, "Assessment Start Date cannot be later than its End Date", FixAt.Assessment);
    private static readonly CensusRule R8614 = Add("8614", E.Error, "Parental or child factors at assessment should only be present for a completed assessment.", FixAt.Assessment);
    private static readonly CensusRule R8897 = Add("8897Q", E.Query, "Parental or child factors at assessment information is missing from a completed assessment", FixAt.Assessment);
    private static readonly CensusRule R8869 = Add("8869", E.Error, "The assessment factors code “21” cannot be used in conjunction with any other assessment factors.", FixAt.Assessment);
    private static readonly CensusRule R8898 = Add("8898", E.Error, "The assessment has more than one parental or child factors with the same code", FixAt.Assessment);
    private static readonly CensusRule R8945 = Add("8945Q", E.Query, "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)", FixAt.Assessment);
    private static readonly CensusRule R8950 = Add("8950Q", E.Query, "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)", FixAt.Assessment);
    private static readonly CensusRule R8696 = Add("8696", E.Error, "Assessment end date must fall within the census year", FixAt.Assessment);
    private static readonly CensusRule R8736 = Add("8736", E.Error, "For an Assessment that has not been completed, the start date must fall within the census year", FixAt.Assessment);
    private static readonly CensusRule R8670 = Add("8670Q", E.Query, "Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.", FixAt.Assessment);
    private static readonly CensusRule R8863 = Add("8863Q", E.Query, "An Assessment is shown as starting when there is another Assessment ongoing.", FixAt.Assessment);
    private static readonly CensusRule R8896 = Add("8896", E.Error, "Within one CINDetails group there are 2 or more open Assessments groups", FixAt.Assessment);

    // Child in need plans.
    private static readonly CensusRule R4010 = Add("4010", E.Error, "CIN Plan start date is missing or out of data collection period", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4011 = Add("4011", E.Error, "CIN Plan End Date earlier than Start Date", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4012 = Add("4012Q", E.Query, "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4013 = Add("4013", E.Error, "CIN Plan end date must fall within the census year", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4014 = Add("4014", E.Error, "CIN Plan data contains overlapping dates", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4015 = Add("4015", E.Error, "The CIN Plan start date cannot be before the referral date", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4004 = Add("4004", E.Error, "This child is showing more than one open CIN Plan, i.e. with no End Date", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4001 = Add("4001", E.Error, "A CIN Plan cannot run concurrently with a Child Protection Plan", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4016 = Add("4016", E.Error, "A CIN Plan has been reported as open at the same time as a Child Protection Plan.", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4017 = Add("4017", E.Error, "A CIN Plan has been reported as open at the same time as a Child Protection Plan.", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4003 = Add("4003", E.Error, "A CPP review date is shown as being held at the same time as an open CIN Plan.", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4008 = Add("4008", E.Error, "CIN Plan shown as starting after the child’s Date of Death.", FixAt.ChildInNeedPlan);
    private static readonly CensusRule R4009 = Add("4009Q", E.Query, "CIN Plan cannot end after the child’s Date of Death", FixAt.ChildInNeedPlan);

    // Section 47 enquiries.
    private static readonly CensusRule R2889 = Add("2889", E.Error, "The S47 start date cannot be before the referral date.", FixAt.Section47);
    private static readonly CensusRule R1104 = Add("1104", E.Error, "The date of the initial child protection conference cannot be before the referral date", FixAt.Section47);
    private static readonly CensusRule R8615 = Add("8615", E.Error, "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference", FixAt.Section47);
    private static readonly CensusRule R8715 = Add("8715", E.Error, "Date of Initial Child Protection Conference must fall within the census year", FixAt.Section47);
    private static readonly CensusRule R8740 = Add("8740", E.Error, "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year", FixAt.Section47);
    private static readonly CensusRule R8675 = Add("8675Q", E.Query, "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.", FixAt.Section47);
    private static readonly CensusRule R8839 = Add("8839", E.Error, "Within one CINDetails group there are 2 or more open S47 Assessments", FixAt.Section47);
    private static readonly CensusRule R8870 = Add("8870Q", E.Query, "Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend", FixAt.Section47);
    private static readonly CensusRule R8875 = Add("8875", E.Error, "The Date of Initial Child Protection Conference cannot be a weekend", FixAt.Section47);
    private static readonly CensusRule R8890 = Add("8890", E.Error, "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing", FixAt.Section47);
    private static readonly CensusRule R2884 = Add("2884", E.Error, "An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one", FixAt.Section47);

    // Child protection plans.
    private static readonly CensusRule R1105 = Add("1105", E.Error, "The child protection plan start date cannot be before the referral date", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R8720 = Add("8720", E.Error, "Child Protection Plan Start Date missing or out of data collection period", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R8840 = Add("8840", E.Error, "Child Protection Plan cannot start and end on the same day", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R8841 = Add("8841", E.Error, "The review date cannot be on the same day or before the Child protection Plan start date.", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R8905 = Add("8905", E.Error, "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R8910 = Add("8910", E.Error, "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R8915 = Add("8915", E.Error, "Child Protection Plan shown as starting after the child’s Date of Death", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R8920 = Add("8920", E.Error, "Child Protection Plan cannot end after the child’s Date of Death", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R8925 = Add("8925", E.Error, "Child Protection Plan End Date earlier than Start Date", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R8930 = Add("8930", E.Error, "Child Protection Plan End Date must fall within the census year", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R8935 = Add("8935", E.Error, "This child is showing more than one open Child Protection plan, i.e. with no End Date", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R8940 = Add("8940", E.Error, "Child Protection Plan data contains overlapping dates", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R2885 = Add("2885", E.Error, "Child protection plan shown as starting a different day to the initial child protection conference.", FixAt.ChildProtectionPlan);
    private static readonly CensusRule R2883 = Add("2883", E.Error, "There are more child protection plans starting than initial conferences taking place", FixAt.ChildProtectionPlan);

    // The return as a whole.
    private static readonly CensusRule R8510 = Add("8510", E.Error, "More than one child record with the same LA Child ID", FixAt.ChildDetails);
    private static readonly CensusRule R1520 = Add("1520", E.Error, "More than one record with the same UPN.", FixAt.ChildDetails);
    private static readonly CensusRule R2886 = Add("2886Q", E.Query, "Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)", FixAt.Return);
    private static readonly CensusRule R2887 = Add("2887Q", E.Query, "Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return", FixAt.Return);
    private static readonly CensusRule R2888 = Add("2888Q", E.Query, "Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.", FixAt.Return);

    private const string UpnAlphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>Every rule checked, in the order above.</summary>
    public static IReadOnlyList<CensusRule> All => Registry;

    public static CensusRule Find(string code) => Registry.Single(r => r.Code == code);

    public CollectionYear Year => year;

    /// <summary>The rules about one child: identifiers, characteristics, and each episode with its modules.</summary>
    public IEnumerable<CensusFailure> Check(CensusChild child)
    {
        var failures = new List<CensusFailure>();
        void Fail(CensusRule rule, Guid? record = null) => failures.Add(new CensusFailure(rule, child.PersonId, child.LocalId, record, child.Restricted));

        CheckIdentifiers(child, Fail);
        CheckCharacteristics(child, Fail);
        CheckEpisodesTogether(child, Fail);
        foreach (var episode in child.Episodes)
        {
            CheckEpisode(child, episode, Fail);
            CheckAssessments(episode, Fail);
            CheckCinPlans(child, episode, Fail);
            CheckSection47s(child, episode, Fail);
            CheckCpPlans(child, episode, Fail);
        }

        CheckPlansTogether(child, Fail);
        return failures;
    }

    /// <summary>
    /// The whole return checked as it streams: each child fed in turn gets the rules about it, and the rules across the
    /// return (duplicates, proportions) are finished at the end. A census of any size is checked child by child.
    /// </summary>
    public ReturnCheck StartReturn() => new(this);

    private static CensusRule Add(string code, RuleSeverity severity, string message, FixAt fixAt)
    {
        var rule = new CensusRule(code, severity, message, fixAt);
        Registry.Add(rule);
        return rule;
    }

    private void CheckIdentifiers(CensusChild child, Action<CensusRule, Guid?> fail)
    {
        if (string.IsNullOrWhiteSpace(child.LocalId))
        {
            fail(R8500, null);
        }
        else
        {
            if (child.LocalId.Length > 20)
            {
                fail(R1570, null);
            }

            if (!child.LocalId.All(char.IsAsciiLetterOrDigit))
            {
                fail(R1580, null);
            }
        }

        if (child.Upn is { Length: > 0 } upn)
        {
            CheckUpn(upn.ToUpperInvariant(), fail);
        }

        if (child.Sex is not ("M" or "F" or "U"))
        {
            fail(R4180, null);
        }

        if (child.IsUnborn && child.Sex != "U")
        {
            fail(R8750, null);
        }

        if (child.BirthDate > year.End)
        {
            fail(R8520, null);
        }

        if ((child.BirthDate is null) == (child.ExpectedBirthDate is null))
        {
            fail(R8525, null);
        }

        // "March to December of the Census Year end": an unborn child is expected from 1 March to 31 December of the year the census ends.
        if (child.BirthDate is null && child.ExpectedBirthDate is { } expected && (expected < new DateOnly(year.EndYear, 3, 1) || expected > new DateOnly(year.EndYear, 12, 31)))
        {
            fail(R8530, null);
        }

        if (child.DeathDate is { } died)
        {
            if (died < child.BirthDate)
            {
                fail(R8535, null);
            }

            if (!year.Contains(died))
            {
                fail(R8545, null);
            }
        }

        // School age (compulsory, 5 to 16) at the reference date, read as: born from 1 September sixteen years before the
        // collection starts to 31 August five years before.
        var schoolAge = child.BirthDate is { } born && born >= new DateOnly(year.StartYear - 16, 9, 1) && born <= new DateOnly(year.StartYear - 5, 8, 31);
        if (string.IsNullOrEmpty(child.Upn) && (string.IsNullOrEmpty(child.UpnUnknown) || (child.UpnUnknown == "UN1" && schoolAge)))
        {
            fail(R8770, null);
        }

        if (child.UpnUnknown == "UN7" && child.Episodes.Any(e => !e.ReferralNfa))
        {
            fail(R8772, null);
        }

        // Over 25 while an episode was open: one still open, or closed after the 25th birthday.
        if (child.BirthDate is { } birth && birth.AddYears(25) < year.End
            && child.Episodes.Any(e => e.ClosureDate is not { } closed || closed > birth.AddYears(25)))
        {
            fail(R8775, null);
        }

        if (child.Episodes.Count == 0)
        {
            fail(R8590, null);
        }
    }

    private static void CheckUpn(string upn, Action<CensusRule, Guid?> fail)
    {
        if (upn.Length != 13)
        {
            fail(R1540, null);
            return;
        }

        if (!upn[4..12].All(char.IsAsciiDigit))
        {
            fail(R1540, null);
        }

        if (!(char.IsAsciiDigit(upn[12]) || UpnAlphabet.Contains(upn[12], StringComparison.Ordinal)))
        {
            fail(R1550, null);
        }

        // Characters 2 to 4 are a council's DfE number: anything else (a letter among them too) is not a recognised one.
        if (!upn[1..4].All(char.IsAsciiDigit) || !Ssda903Codes.IsLocalAuthorityCode(upn[1..4]))
        {
            fail(R1530, null);
        }

        // The first character is the check letter: a digit, or a letter the check never gives (I, O, S), is never right.
        if (!UpnAlphabet.Contains(upn[0], StringComparison.Ordinal))
        {
            fail(R1510, null);
        }

        // The check letter is worked out (and so checked) only for a UPN whose characters 2 to 13 are all digits.
        else if (upn[1..].All(char.IsAsciiDigit))
        {
            var sum = 0;
            for (var i = 1; i < 13; i++)
            {
                sum += (upn[i] - '0') * (i + 1);
            }

            if (UpnAlphabet[sum % 23] != upn[0])
            {
                fail(R1510, null);
            }
        }
    }

    private void CheckCharacteristics(CensusChild child, Action<CensusRule, Guid?> fail)
    {
        if (child.Ethnicity is null || !DfeCodes.Ethnicity.Contains(child.Ethnicity, year.EndYear))
        {
            fail(R4220, null);
        }

        // A born child with any episode going on to further action must have its disability recorded (NONE where none).
        var needed = !child.IsUnborn && child.Episodes.Any(e => !e.ReferralNfa);
        if ((needed && child.Disabilities.Count == 0) || child.Disabilities.Any(d => !DfeCodes.Disability.Contains(d, year.EndYear)))
        {
            fail(R8540, null);
        }

        if (child.Disabilities.Contains("NONE") && child.Disabilities.Any(d => d != "NONE"))
        {
            fail(R8790, null);
        }

        if (child.Disabilities.Count != child.Disabilities.Distinct(StringComparer.Ordinal).Count())
        {
            fail(R8794, null);
        }
    }

    private void CheckEpisode(CensusChild child, CensusEpisode episode, Action<CensusRule, Guid?> fail)
    {
        var id = episode.ReferralId;
        if (episode.ReferralDate > year.End)
        {
            fail(R8600, id);
        }

        var birth = child.BirthDate ?? child.ExpectedBirthDate;
        if (birth is { } b && episode.ReferralDate < b.AddDays(-40 * 7))
        {
            fail(R8606, id);
        }

        if (episode.ReferralDate > child.DeathDate)
        {
            fail(R8555, id);
        }

        if (episode.ReferralSource is null || !DfeCodes.ReferralSource.Contains(episode.ReferralSource, year.EndYear))
        {
            fail(R8866, id);
        }

        if (!episode.ReferralNfa && string.IsNullOrEmpty(episode.PrimaryNeed))
        {
            fail(R8610, id);
        }

        if (!string.IsNullOrEmpty(episode.PrimaryNeed) && !DfeCodes.PrimaryNeed.Contains(episode.PrimaryNeed, year.EndYear))
        {
            fail(R8650, id);
        }

        if (episode.ClosureDate is { } closed)
        {
            if (!year.Contains(closed))
            {
                fail(R8620, id);
            }

            if (closed < episode.ReferralDate)
            {
                fail(R8630, id);
            }

            if (string.IsNullOrEmpty(episode.ClosureReason))
            {
                fail(R8805, id);
            }

            if (episode.Assessments.Any(a => a.AuthorisationDate is null))
            {
                fail(R8867, episode.Assessments.First(a => a.AuthorisationDate is null).Id);
            }

            if (episode.Section47s.FirstOrDefault(s => s.IsOpen) is { } open)
            {
                fail(R8868, open.Id);
            }

            if (ActivityAfter(episode, closed))
            {
                fail(R8565, id);
            }
        }
        else if (!string.IsNullOrEmpty(episode.ClosureReason))
        {
            fail(R8810, id);
        }

        if (!string.IsNullOrEmpty(episode.ClosureReason) && !DfeCodes.ReasonForClosure.Contains(episode.ClosureReason, year.EndYear))
        {
            fail(R8640, id);
        }

        var closedAfterAssessment = episode.ClosureReason is "RC8" or "RC9";
        if (closedAfterAssessment && episode.Assessments.Count == 0)
        {
            fail(R8825, id);
        }

        if (closedAfterAssessment && (episode.CinPlans.Count > 0 || episode.Section47s.Count > 0 || episode.CpPlans.Count > 0))
        {
            fail(R2990, id);
        }

        if (episode.ClosureDate is not null && episode.Assessments is [{ AuthorisationDate: not null, Factors: ["21"] }] && !closedAfterAssessment)
        {
            fail(R8873, id);
        }

        if (episode.ReferralNfa)
        {
            if (episode.Assessments.Count > 0 || episode.Section47s.Count > 0 || episode.InitialConferenceDate is not null)
            {
                fail(R8831, id);
            }

            if (episode.CpPlans.Count > 0)
            {
                fail(R8832, id);
            }

            if (episode.CinPlans.Count > 0)
            {
                fail(R4000, id);
            }

            if (episode.ReferralDate < calendar.PreviousWorkingDay(year.Start))
            {
                fail(R8569, id);
            }
        }

        if (episode.Section47s.Count > 0 && episode.Assessments.Count == 0)
        {
            fail(R2991, id);
        }

        if (episode.ClosureReason == "RC2" && child.DeathDate is null)
        {
            fail(R8585, null);
        }

        if (episode.InitialConferenceDate is { } cpc && WorkingDayCalendar.IsWeekend(cpc))
        {
            fail(R8875, id);
        }
    }

    /// <summary>Anything dated after the episode closed: an assessment, enquiry, conference or plan date (rule 8565).</summary>
    private static bool ActivityAfter(CensusEpisode episode, DateOnly closed) =>
        episode.Assessments.Any(a => a.StartDate > closed || a.AuthorisationDate > closed)
        || episode.Section47s.Any(s => s.StartDate > closed || s.InitialConferenceDate > closed)
        || episode.InitialConferenceDate > closed
        || episode.CpPlans.Any(p => p.StartDate > closed || p.EndDate > closed)
        || episode.CinPlans.Any(p => p.StartDate > closed || p.EndDate > closed);

    private static void CheckEpisodesTogether(CensusChild child, Action<CensusRule, Guid?> fail)
    {
        var open = child.Episodes.Where(e => e.ClosureDate is null && !e.ReferralNfa).ToList();
        if (open.Count > 1)
        {
            fail(R8815, open[1].ReferralId);
        }

        var latest = child.Episodes.MaxBy(e => e.ReferralDate);
        foreach (var episode in open.Where(e => e.ReferralDate < latest!.ReferralDate))
        {
            fail(R8816, episode.ReferralId);
        }

        var ordered = child.Episodes.OrderBy(e => e.ReferralDate).ThenBy(e => e.ClosureDate ?? DateOnly.MaxValue).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            // The later episode starts before the earlier one closed (an open episode never closes).
            var earlier = ordered[i - 1];
            if (earlier.ClosureDate is not { } end || ordered[i].ReferralDate < end)
            {
                fail(R8820, ordered[i].ReferralId);
            }
        }
    }

    private void CheckAssessments(CensusEpisode episode, Action<CensusRule, Guid?> fail)
    {
        foreach (var a in episode.Assessments)
        {
            if (a.StartDate < episode.ReferralDate)
            {
                fail(R1103, a.Id);
            }

            if (a.AuthorisationDate is { } done)
            {
                if (a.StartDate > done)
                {
                    fail(R8608, a.Id);
                }

                if (!year.Contains(done))
                {
                    fail(R8696, a.Id);
                }

                if (a.Factors.Count == 0)
                {
                    fail(R8897, a.Id);
                }
            }
            else
            {
                if (a.Factors.Count > 0)
                {
                    fail(R8614, a.Id);
                }

                if (!year.Contains(a.StartDate))
                {
                    fail(R8736, a.Id);
                }

                if (a.StartDate < calendar.AddWorkingDays(year.End, -45))
                {
                    fail(R8670, a.Id);
                }
            }

            if (a.Factors.Contains("21") && a.Factors.Count > 1)
            {
                fail(R8869, a.Id);
            }

            if (a.Factors.Count != a.Factors.Distinct(StringComparer.Ordinal).Count())
            {
                fail(R8898, a.Id);
            }

            if (a.Factors.Contains("18A"))
            {
                fail(R8945, a.Id);
            }

            if (a.Factors.Contains("19A"))
            {
                fail(R8950, a.Id);
            }

            // Another assessment on the episode started earlier and had not ended by this one's start.
            if (episode.Assessments.Any(o => o != a && o.StartDate < a.StartDate && (o.AuthorisationDate is null || o.AuthorisationDate > a.StartDate)))
            {
                fail(R8863, a.Id);
            }
        }

        var open = episode.Assessments.Where(a => a.AuthorisationDate is null).ToList();
        if (open.Count > 1)
        {
            fail(R8896, open[1].Id);
        }
    }

    private void CheckCinPlans(CensusChild child, CensusEpisode episode, Action<CensusRule, Guid?> fail)
    {
        foreach (var plan in episode.CinPlans)
        {
            if (plan.StartDate > year.End)
            {
                fail(R4010, plan.Id);
            }

            if (plan.StartDate < episode.ReferralDate)
            {
                fail(R4015, plan.Id);
            }

            if (plan.EndDate is { } end)
            {
                if (end < plan.StartDate)
                {
                    fail(R4011, plan.Id);
                }
                else if (end == plan.StartDate)
                {
                    fail(R4012, plan.Id);
                }

                if (!year.Contains(end))
                {
                    fail(R4013, plan.Id);
                }

                if (end > child.DeathDate)
                {
                    fail(R4009, plan.Id);
                }
            }

            if (plan.StartDate > child.DeathDate)
            {
                fail(R4008, plan.Id);
            }
        }
    }

    private void CheckSection47s(CensusChild child, CensusEpisode episode, Action<CensusRule, Guid?> fail)
    {
        foreach (var s in episode.Section47s)
        {
            if (s.StartDate < episode.ReferralDate)
            {
                fail(R2889, s.Id);
            }

            if (s.InitialConferenceDate is { } held)
            {
                if (held < episode.ReferralDate)
                {
                    fail(R1104, s.Id);
                }

                if (s.StartDate > held)
                {
                    fail(R8615, s.Id);
                }

                if (!year.Contains(held))
                {
                    fail(R8715, s.Id);
                }

                if (WorkingDayCalendar.IsWeekend(held))
                {
                    fail(R8875, s.Id);
                }

                // Rule 2884 as the DfE reads it: the conference date at any of the child's episodes' CINdetails level.
                if (child.Episodes.Any(e => e.InitialConferenceDate == held))
                {
                    fail(R2884, s.Id);
                }
            }
            else if (!s.IcpcNotRequired)
            {
                if (!year.Contains(s.StartDate))
                {
                    fail(R8740, s.Id);
                }

                if (s.StartDate < calendar.AddWorkingDays(year.End, -15))
                {
                    fail(R8675, s.Id);
                }
            }

            if (s.InitialConferenceTarget is { } target && WorkingDayCalendar.IsWeekend(target))
            {
                fail(R8870, s.Id);
            }

            if (episode.Section47s.Any(o => o != s && o.StartDate < s.StartDate && (o.IsOpen || o.InitialConferenceDate > s.StartDate)))
            {
                fail(R8890, s.Id);
            }
        }

        var open = episode.Section47s.Where(s => s.IsOpen).ToList();
        if (open.Count > 1)
        {
            fail(R8839, open[1].Id);
        }
    }

    private void CheckCpPlans(CensusChild child, CensusEpisode episode, Action<CensusRule, Guid?> fail)
    {
        var conferences = episode.Section47s.Where(s => s.InitialConferenceDate is not null).Select(s => s.InitialConferenceDate!.Value).ToList();
        if (episode.InitialConferenceDate is { } transferIn)
        {
            conferences.Add(transferIn);
        }

        foreach (var plan in episode.CpPlans)
        {
            if (plan.StartDate < episode.ReferralDate)
            {
                fail(R1105, plan.Id);
            }

            if (plan.StartDate > year.End)
            {
                fail(R8720, plan.Id);
            }

            if (plan.InitialCategory is null || !DfeCodes.CategoryOfAbuse.Contains(plan.InitialCategory, year.EndYear))
            {
                fail(R8905, plan.Id);
            }

            if (plan.LatestCategory is null || !DfeCodes.CategoryOfAbuse.Contains(plan.LatestCategory, year.EndYear))
            {
                fail(R8910, plan.Id);
            }

            if (plan.StartDate > child.DeathDate)
            {
                fail(R8915, plan.Id);
            }

            if (plan.Reviews.Any(r => r <= plan.StartDate))
            {
                fail(R8841, plan.Id);
            }

            if (plan.EndDate is { } end)
            {
                if (end == plan.StartDate)
                {
                    fail(R8840, plan.Id);
                }

                if (end < plan.StartDate)
                {
                    fail(R8925, plan.Id);
                }

                if (!year.Contains(end))
                {
                    fail(R8930, plan.Id);
                }

                if (end > child.DeathDate)
                {
                    fail(R8920, plan.Id);
                }
            }

            // A plan starting in the year starts on the day of an initial conference on its episode.
            if (year.Contains(plan.StartDate) && !conferences.Contains(plan.StartDate))
            {
                fail(R2885, plan.Id);
            }
        }

        var starting = episode.CpPlans.Count(p => year.Contains(p.StartDate));
        var held = conferences.Count(year.Contains);
        if (starting > held)
        {
            fail(R2883, episode.CpPlans.Last(p => year.Contains(p.StartDate)).Id);
        }
    }

    /// <summary>Plans across the child's episodes: only one open at a time, no overlaps, and never a CIN plan beside a CP plan.</summary>
    private static void CheckPlansTogether(CensusChild child, Action<CensusRule, Guid?> fail)
    {
        var cin = child.Episodes.SelectMany(e => e.CinPlans).OrderBy(p => p.StartDate).ToList();
        var cp = child.Episodes.SelectMany(e => e.CpPlans).OrderBy(p => p.StartDate).ToList();

        var openCin = cin.Where(p => p.EndDate is null).ToList();
        if (openCin.Count > 1)
        {
            fail(R4004, openCin[1].Id);
        }

        for (var i = 1; i < cin.Count; i++)
        {
            if (cin[i - 1].EndDate is not { } end || cin[i].StartDate < end)
            {
                fail(R4014, cin[i].Id);
            }
        }

        var openCp = cp.Where(p => p.EndDate is null).ToList();
        if (openCp.Count > 1)
        {
            fail(R8935, openCp[1].Id);
        }

        for (var i = 1; i < cp.Count; i++)
        {
            if (cp[i - 1].EndDate is not { } end || cp[i].StartDate < end)
            {
                fail(R8940, cp[i].Id);
            }
        }

        // A plan's days run from its start to the day before its end: a CIN plan ending the day a CP plan starts does not overlap it.
        foreach (var plan in cin)
        {
            foreach (var protection in cp)
            {
                if (plan.EndDate is null && protection.EndDate is null)
                {
                    fail(R4001, plan.Id);
                }

                if (plan.StartDate >= protection.StartDate && (protection.EndDate is null || plan.StartDate < protection.EndDate))
                {
                    fail(R4016, plan.Id);
                }
                else if (plan.StartDate < protection.StartDate && (plan.EndDate is null || plan.EndDate > protection.StartDate))
                {
                    fail(R4017, plan.Id);
                }
            }

            if (cp.SelectMany(p => p.Reviews).Any(r => r >= plan.StartDate && (plan.EndDate is null || r < plan.EndDate)))
            {
                fail(R4003, plan.Id);
            }
        }
    }

    /// <summary>The return-wide rules: duplicate identifiers, and the proportions the DfE queries (2886Q, 2887Q, 2888Q).</summary>
    public sealed class ReturnCheck(CensusRules rules)
    {
        private readonly Dictionary<string, CensusChild> localIds = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, CensusChild> upns = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> disabilityCodes = new(StringComparer.Ordinal);
        private readonly List<CensusFailure> duplicates = [];
        private int born;
        private int bornWithoutSex;
        private int disabled;
        private int withSeveral;

        /// <summary>The children fed in so far.</summary>
        public int Children { get; private set; }

        /// <summary>Their episodes of need.</summary>
        public int Episodes { get; private set; }

        /// <summary>Feeds in the next child: the rules about it are checked now and its failures returned.</summary>
        public IReadOnlyList<CensusFailure> Add(CensusChild child)
        {
            Children++;
            Episodes += child.Episodes.Count;
            if (!string.IsNullOrEmpty(child.LocalId) && !localIds.TryAdd(child.LocalId, child))
            {
                duplicates.Add(new CensusFailure(R8510, child.PersonId, child.LocalId, null, child.Restricted));
            }

            if (!string.IsNullOrEmpty(child.Upn) && !upns.TryAdd(child.Upn, child))
            {
                duplicates.Add(new CensusFailure(R1520, child.PersonId, child.LocalId, null, child.Restricted));
            }

            if (!child.IsUnborn)
            {
                born++;
                if (child.Sex == "U")
                {
                    bornWithoutSex++;
                }
            }

            var disabilities = child.Disabilities.Where(d => d != "NONE").ToList();
            disabilityCodes.UnionWith(disabilities);
            if (disabilities.Count > 0)
            {
                disabled++;
                if (disabilities.Count > 1)
                {
                    withSeveral++;
                }
            }

            return [.. rules.Check(child)];
        }

        public IReadOnlyList<CensusFailure> Finish()
        {
            var failures = new List<CensusFailure>(duplicates);
            if (born > 0 && bornWithoutSex * 50 > born)
            {
                failures.Add(new CensusFailure(R2886, null, null, null));
            }

            if (disabilityCodes.Count < 8)
            {
                failures.Add(new CensusFailure(R2887, null, null, null));
            }

            if (disabled > 0 && withSeveral == 0)
            {
                failures.Add(new CensusFailure(R2888, null, null, null));
            }

            return failures;
        }
    }
}
