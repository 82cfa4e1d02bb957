using System.Globalization;

namespace ChildrenServices.Application.Returns;

/// <summary>How an Annex A download is made: one Excel workbook, or a zip of one CSV file per list.</summary>
public enum AnnexAFormat
{
    Excel = 1,
    Csv = 2,
}

/// <summary>
/// Ofsted's ILACS Annex A child-level lists as this product makes them: lists 1 to 8, each with Ofsted's column headings in
/// Ofsted's order (../shared/reference/dfe/annex-a.md, itself read from liia-tools' Annex A schema), for any period of up to
/// three years. Lists 9 (care leavers), 10 (adoption) and 11 (adopters) are not recorded by the product, so they are not
/// made at all (<see cref="NotRecorded"/>) rather than handed over empty as though complete.
/// </summary>
/// <remarks>
/// Every list is read as at the period's end: anything dated after it (a closure, an authorisation, a visit) is treated as
/// not yet happened, so a past period comes out as it stood then. Codes (primary need, category of abuse, placement) are as
/// they are recorded now, as the CIN census reader takes them. Ages are whole years at the period's end (or at death), as
/// D2I's Annex A extract counts them at the day it runs: by default the period ends today.
/// </remarks>
public static class AnnexA
{
    /// <summary>Rows are read this many items at a time: a handful of statements per batch, whatever the council's size.</summary>
    public const int BatchSize = 2_000;

    /// <summary>The longest period that can be asked for.</summary>
    public const int MostYears = 3;

    /// <summary>The earliest start: before it the product holds no records worth listing, and a mistyped year is caught.</summary>
    public static readonly DateOnly EarliestStart = new(2000, 1, 1);

    public enum CellKind
    {
        Text = 1,
        Date = 2,
        Number = 3,
    }

    /// <summary>One of Ofsted's columns: its heading, verbatim, and what its cells hold.</summary>
    public sealed record Column(string Heading, CellKind Kind);

    /// <summary>One of Ofsted's lists: its number, its title (D2I's "Ofsted List n - Title"), what this product puts in it, and its columns.</summary>
    public sealed record ListSpec(int Number, string Title, string Scope, IReadOnlyList<Column> Columns)
    {
        /// <summary>The worksheet's name, as Ofsted's workbook names them.</summary>
        public string SheetName => $"List {Number}";

        /// <summary>The list's file in the CSV zip: List_1_Contacts.csv.</summary>
        public string CsvName => $"List_{Number}_{Title.Replace(' ', '_')}.csv";
    }

    private static Column T(string heading) => new(heading, CellKind.Text);

    private static Column D(string heading) => new(heading, CellKind.Date);

    private static Column N(string heading) => new(heading, CellKind.Number);

    /// <summary>The columns every list opens with (annex-a.md's "…").</summary>
    /// <remarks>
    /// "Age of Child (Years)", not the 2024 sample workbook's "Age": it is the heading annex-a.md gives for List 1 and the
    /// lists that share these columns, the one liia-tools' schema names for every list, and it says the unit. Readers of the
    /// lists (liia-tools matches /.*age.*/i) take either. "Gender" stays as annex-a.md gives it, though liia-tools' 2026
    /// schema renames it "Sex": check it against Ofsted's template for the year before release.
    /// </remarks>
    private static readonly Column[] ChildColumns = [T("Child Unique ID"), T("Gender"), T("Ethnicity"), D("Date of Birth"), N("Age of Child (Years)")];

    private static readonly Column Disability = T("Does the Child have a Disability");

    private static readonly Column[] Allocated = [T("Allocated Team"), T("Allocated Worker")];

    public static readonly ListSpec Contacts = new(1, "Contacts",
        "Contacts received in the period, one row for each child on the contact who is on the record",
        [.. ChildColumns, D("Date of Contact"), T("Contact Source")]);

    public static readonly ListSpec EarlyHelpAssessments = new(2, "Early Help Assessments",
        "Early help assessments started or completed in the period, one row for each child in the family's episode",
        [.. ChildColumns, D("Assessment start date"), D("Assessment completion date"), T("Organisation completing assessment")]);

    public static readonly ListSpec Referrals = new(3, "Referrals",
        "Referrals received in the period (not withdrawn), one row for each",
        [.. ChildColumns, D("Date of referral"), T("Referral Source"), T("Referral NFA?"), N("Number of Referrals in Last 12 Months"), .. Allocated]);

    public static readonly ListSpec Assessments = new(4, "Assessments",
        "Child and family assessments open at some point in the period: started by its end and not authorised before its start",
        [
            .. ChildColumns, Disability, D("Continuous Assessment Start Date"), T("Child Seen During Continuous Assessment"),
            D("Continuous Assessment Date of Authorisation"), T("Was the child assessed as requiring LA children's social care support?"), .. Allocated,
        ]);

    public static readonly ListSpec Section47 = new(5, "Section 47 Enquiries and ICPC",
        "Section 47 enquiries started in the period (the strategy discussion that decided on one), with their initial conferences",
        [
            .. ChildColumns, Disability, D("Strategy discussion initiating Section 47 Enquiry Start Date"),
            T("Was an Initial Child Protection Conference deemed unnecessary?"), D("Date of Initial Child Protection Conference"),
            T("Did the Initial Child Protection Conference Result in a Child Protection Plan"),
            N("Number of Section 47 Enquiries in the last 12 months"), N("Number of ICPCs in the last 12 months"), .. Allocated,
        ]);

    public static readonly ListSpec ChildrenInNeed = new(6, "Children in Need",
        "Episodes of need open at some point in the period, one row for each (not withdrawn, and not ended with no further action at referral: a child only the subject of a referral is not a child in need)",
        [
            .. ChildColumns, Disability, D("CIN Start Date"), T("Primary Need Code"), D("Date Child Was Last Seen"), D("CIN Closure Date"),
            T("Reason for Closure"), T("Case Status"), .. Allocated,
        ]);

    public static readonly ListSpec ChildProtection = new(7, "Child Protection",
        "Child protection plans open at some point in the period, one row for each",
        [
            .. ChildColumns, Disability, D("Child Protection Plan Start Date"), T("Initial Category of Abuse"), T("Latest Category of Abuse"),
            D("Date of the Last Statutory Visit"), T("Was the Child Seen Alone?"), D("Date of latest review conference"), D("Child Protection Plan End Date"),
            T("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)"),
            N("Number of Previous Child Protection Plans"), .. Allocated,
        ]);

    /// <remarks>
    /// annex-a.md shortens three headings ("UASC within the Last 12 Months (Y/N)", "Number of Episodes the Child has been
    /// 'Missing' … in the last 12 months"); they are given in full here as liia-tools' schema (annex-a.md's source) has
    /// them, since its header patterns look for "Unaccompanied Asylum Seeking Child" and the full missing wording.
    /// </remarks>
    public static readonly ListSpec ChildrenInCare = new(8, "Children in Care",
        "Periods of care open at some point in the period, one row for each",
        [
            .. ChildColumns, T("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"), Disability,
            D("Date Started to be Looked After"), T("Child's Category of Need"),
            T("Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)"),
            D("Start date of current legal status"), T("Child's Legal Status"), D("Date of Latest Statutory Review"), D("Date of Last Social Work Visit"),
            T("What is the permanence plan for this child?"), D("Date of Last IRO Visit / Contact to the Child"), D("Date of Last Health Assessment"),
            D("Date of Last Dental Check"), N("Number of Placements in the Last 12 months"), D("Date Ceased to be Looked After"),
            T("Reason Ceased to be Looked After"), D("Start Date of Most Recent Placement"), T("Placement Type"), T("Placement Provider"),
            T("Placement postcode"), T("URN of Placement"), T("Placement Location"), T("LA of Placement"),
            N("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"),
            N("Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months"),
            T("Was the child offered a Return Interview after their last missing episode (Y/N)?"),
            T("Did the child accept a Return Interview after their last missing episode (Y/N)?"), .. Allocated,
        ]);

    /// <summary>The lists made, in Ofsted's order.</summary>
    public static IReadOnlyList<ListSpec> Lists { get; } = [Contacts, EarlyHelpAssessments, Referrals, Assessments, Section47, ChildrenInNeed, ChildProtection, ChildrenInCare];

    /// <summary>A list or column the product does not record, and why it is not made up.</summary>
    public sealed record Gap(string What, string Why);

    /// <summary>Ofsted's lists the product does not make: it records none of their items.</summary>
    public static IReadOnlyList<Gap> NotRecorded { get; } =
    [
        new("List 9: Care leavers", "The product does not record care leavers once they leave care: eligibility, pathway plans, personal advisers, contact, accommodation and activity."),
        new("List 10: Adoption", "The product does not record adoption decisions, placement orders, matching or adoption orders."),
        new("List 11: Adopters", "The product does not record prospective adopters or their assessment."),
    ];

    /// <summary>List 8's columns the product does not record: always left blank, to be completed outside the product.</summary>
    public static IReadOnlyList<Gap> ChildrenInCareNotRecorded { get; } =
    [
        new("What is the permanence plan for this child?", "The care plan's permanence decision is not recorded."),
        new("Date of Last IRO Visit / Contact to the Child", "The reviewing officer's visits and contacts between reviews are not recorded (the reviews they chair are, in Date of Latest Statutory Review)."),
        new("Date of Last Health Assessment", "Health assessments are not recorded."),
        new("Date of Last Dental Check", "Dental checks are not recorded."),
        new("Placement Location", "Whether a placement is inside the council's area is not recorded (only its postcode)."),
        new("LA of Placement", "The council area a placement is in is not recorded (only its postcode)."),
    ];

    /// <summary>
    /// What is wrong with a period, each problem with the field it is about: the start not before 1 January 2000 and not in
    /// the future, the end not in the future nor before the start, and at most three years.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> PeriodProblems(DateOnly from, DateOnly to, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (from < EarliestStart)
        {
            problems.Add(("From", $"The start of the period must be on or after {EarliestStart.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}"));
        }
        else if (from > today)
        {
            problems.Add(("From", "The start of the period must be today or in the past"));
        }

        if (to > today)
        {
            problems.Add(("To", "The end of the period must be today or in the past"));
        }
        else if (to < from)
        {
            problems.Add(("To", "The end of the period must not be before its start"));
        }
        else if (to >= from.AddYears(MostYears))
        {
            problems.Add(("To", "Choose a period of three years or less"));
        }

        return problems;
    }
}
