namespace ChildrenServices.Domain.Codes;

/// <summary>
/// The DfE SSDA903 (children looked after return) code sets.
/// </summary>
/// <remarks>
/// Values and year validity follow reference/dfe/ssda903.md (the column and code lists of the
/// 903 validator and the 2025/26 placement type list). Descriptions are the DfE guidance wording
/// quoted in the Standard Safeguarding Dataset (reference/ssd/ssd_cla_episodes.yml,
/// ssd_cla_placement.yml, ssd_cla_reviews.yml, ssd_missing.yml) unless a comment says otherwise.
/// Collection years are the year the return ends, as in <see cref="Code"/>: 2026 = 2025/26.
/// Check against the DfE guide for each new collection year before release: where they differ,
/// the DfE wins.
/// </remarks>
public static class Ssda903Codes
{
    /// <summary>The last collection whose placement list includes H5, P2 and Z1 (validator lac2024_25, rule 146).</summary>
    private const int LastYearOfH5P2Z1 = 2025;

    /// <summary>The first collection whose placement list has K3, registered supported accommodation (2024/25: liia-tools-pipeline's 2025 schema, validator rule 371).</summary>
    private const int FirstYearOfK3 = 2025;

    /// <summary>
    /// The SSDA903 collection year a date falls in: 1 April to 31 March, named by the year it
    /// ends, so 10 January 2026 and 1 April 2025 are both in 2026 (2025/26).
    /// </summary>
    public static int CollectionYearOf(DateOnly date) => date.Month >= 4 ? date.Year + 1 : date.Year;

    /// <summary>Legal status (LS): the legal basis on which the child is looked after.</summary>
    /// <remarks>
    /// The reference gives these as the Annex A List 8 labels (ssda903.md 3.1), so the wording is
    /// short. V2 uses the wording of rule 378; V3 and V4 the RNE guidance in ssd_cla_episodes.yml;
    /// J2 the wording of rule 364. Check V3, V4, J1 and J2 against the DfE guide before they are
    /// exported with their descriptions.
    /// </remarks>
    public static CodeSet LegalStatus { get; } = new("Legal status",
    [
        new("C1", "Interim care order"),
        new("C2", "Full care order"),
        new("D1", "Freeing order"),
        new("E1", "Placement order"),
        new("V2", "Single period of accommodation under section 20 of the Children Act 1989"),
        new("V3", "Short breaks: an individual break under an agreement, recorded separately"),
        new("V4", "Short breaks: an agreement to provide short-term placements"),
        new("L1", "Police protection"),
        new("L2", "Emergency protection order"),
        new("L3", "Child assessment order"),
        new("J1", "Remand"),
        new("J2", "Detained in local authority accommodation under the Police and Criminal Evidence Act 1984 (PACE)"),
        new("J3", "Youth rehabilitation order"),
    ]);

    /// <summary>Reason for new episode (RNE).</summary>
    public static CodeSet ReasonForNewEpisode { get; } = new("Reason for new episode",
    [
        new("S", "Started to be looked after"),
        new("L", "Change of legal status only"),
        new("P", "Change of placement and carer(s) only"),
        new("T", "Change of placement (but same carer(s)) only"),
        new("B", "Change of legal status and placement and carer(s) at the same time"),
        new("U", "Change of legal status and change of placement (but same carer(s)) at the same time"),
    ]);

    /// <summary>
    /// Category of need (CIN) for a looked-after child: the reason the child originally became
    /// looked after, the same for every episode of the period (rule 504). Unlike the CIN census
    /// primary need there is no N9 or N0, and N3 is worded "Parental illness or disability".
    /// </summary>
    public static CodeSet CategoryOfNeed { get; } = new("Category of need",
    [
        new("N1", "Abuse or neglect"),
        new("N2", "Child’s disability"),
        new("N3", "Parental illness or disability"),
        new("N4", "Family in acute stress"),
        new("N5", "Family dysfunction"),
        new("N6", "Socially unacceptable behaviour"),
        new("N7", "Low income"),
        new("N8", "Absent parenting"),
    ]);

    /// <summary>Placement type (PLACE): where the child is living.</summary>
    /// <remarks>
    /// H5, P2 and Z1 are in the validator's list up to 2024/25 and not in the 2025/26 list
    /// (ssda903.md 3.2), so they may not be used for episodes starting from 1 April 2025. The
    /// 2025/26 list has K3 (registered supported accommodation, from 2024/25 as liia-tools lists it
    /// and rule 371 uses it) and Z11–Z14, whose meanings are not in the reference material nor in
    /// the public sources searched: Z11–Z14 are left out rather than given invented wording.
    /// </remarks>
    public static CodeSet PlacementType { get; } = new("Placement type",
    [
        new("A3", "Placed for adoption with parental/guardian consent with current foster carer(s) (S19 Adoption and Children Act 2002) or with a freeing order where parental/guardian consent has been given (S18(1)(a) Adoption Act 1976)"),
        new("A4", "Placed for adoption with parental/guardian consent not with current foster carer(s) (S19 Adoption and Children Act 2002) or with a freeing order where parental/guardian consent has been given (S18(1)(a) Adoption Act 1976)"),
        new("A5", "Placed for adoption with placement order with current foster carer(s) (S21 Adoption and Children Act 2002) or with a freeing order where parental/guardian consent was dispensed with (S18(1)(b) Adoption Act 1976)"),
        new("A6", "Placed for adoption with placement order not with current foster carer(s) (S21 Adoption and Children Act 2002) or with a freeing order where parental/guardian consent was dispensed with (S18(1)(b) of the Adoption Act 1976)"),
        new("H5", "Semi-independent living accommodation not subject to children’s homes regulations", ValidToYear: LastYearOfH5P2Z1),
        new("K1", "Secure children’s homes"),
        new("K2", "Children’s Homes subject to Children’s Homes Regulations"),
        // Not in the reference material's wording. The nearest published wording found is the label liia-tools-pipeline's
        // sufficiency transform gives K3; the 903 validator's rule 371 (2024/25) calls it "supported accommodation not
        // subject to children's homes regulations" and allows it from the 16th birthday. liia-tools lists it from 2024/25.
        new("K3", "Registered supported accommodation", ValidFromYear: FirstYearOfK3),
        new("P1", "Placed with own parent(s) or other person(s) with parental responsibility"),
        new("P2", "Independent living e.g. in a flat/ lodgings, bedsit, B&B or with friends, with or without formal support", ValidToYear: LastYearOfH5P2Z1),
        new("P3", "Residential employment"),
        new("R1", "Residential care home"),
        new("R2", "National Health Service (NHS)/health trust or other establishment providing medical or nursing care"),
        new("R3", "Family centre or mother and baby unit"),
        new("R5", "Young offender institution (YOI)"),
        new("S1", "All residential schools, except where dual-registered as a school and children’s home"),
        // The guidance adds "(see paragraphs above for further details)", which means nothing on its own.
        new("T0", "All types of temporary move"),
        new("T1", "Temporary periods in hospital"),
        new("T2", "Temporary absences of the child on holiday"),
        new("T3", "Temporary accommodation whilst normal foster carer(s) is/are on holiday"),
        new("T4", "Temporary accommodation of seven days or less, for any reason, not covered by codes T1 to T3"),
        new("U1", "Foster placement with relative(s) or friend(s) – long term fostering"),
        new("U2", "Fostering placement with relative(s) or friend(s) who is/are also an approved adopter(s) – FFA/ concurrent planning"),
        new("U3", "Fostering placement with relative(s) or friend(s) who is/are not long-term or FFA/ concurrent planning"),
        new("U4", "Foster placement with other foster carer(s) – long term fostering"),
        new("U5", "Foster placement with other foster carer(s) who is/are also an approved adopter(s) – FFA/ concurrent planning"),
        new("U6", "Foster placement with other foster carer(s) – not long term or FFA/ concurrent planning"),
        new("Z1", "Other placements (must be listed on a schedule sent to DfE with annual submission)", ValidToYear: LastYearOfH5P2Z1),
    ]);

    /// <summary>Placement provider (PLACE_PROVIDER): who provides the placement.</summary>
    public static CodeSet PlacementProvider { get; } = new("Placement provider",
    [
        new("PR0", "Parent(s) or other person(s) with parental responsibility"),
        new("PR1", "Own provision (by the local authority) including a regional adoption agency where the child’s responsible local authority is the host authority"),
        new("PR2", "Other local authority provision, including a regional adoption agency where another local authority is the host authority"),
        new("PR3", "Other public provision (for example, a primary care trust)"),
        new("PR4", "Private provision"),
        new("PR5", "Voluntary/third sector provision"),
    ]);

    /// <summary>
    /// Reason episode ceased (REC). X1 closes an episode that another follows on the same day;
    /// every other code records why the child stopped being looked after.
    /// </summary>
    public static CodeSet ReasonEpisodeCeased { get; } = new("Reason episode ceased",
    [
        new("X1", "Episode ceases, and new episode begins on same day, for any reason"),
        new("E11", "Adopted - application for an adoption order unopposed"),
        new("E12", "Adopted – consent dispensed with by the court"),
        new("E2", "Died"),
        new("E3", "Care taken over by another local authority in the UK"),
        new("E4A", "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility as part of the care planning process (not under a special guardianship order or residence order/ child arrangement order)."),
        new("E4B", "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility which was not part of the current care planning process (not under a special guardianship order or residence order or (from 22 April 2014) a child arrangement order)."),
        new("E13", "Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility."),
        // The guidance text lacks the opening parenthesis; it is restored here, not reworded.
        new("E41", "Residence order/ child arrangement order (which sets out with whom the child is to live) granted"),
        new("E45", "Special guardianship order made to former foster carer(s), who was/are a relative(s) or friend(s)"),
        new("E46", "Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)"),
        new("E47", "Special guardianship order made to carer(s), other than former foster carer(s), who was/are a relative(s) or friend(s)"),
        new("E48", "Special guardianship order made to carer(s), other than former foster carer(s), other than relative(s) or friend(s)"),
        new("E5", "Moved into independent living arrangement and no longer looked-after: supportive accommodation providing formalised advice/support arrangements (such as most hostels, young men’s Christian association, foyers, staying close and care leavers projects). Includes both children leaving care before and at age 18"),
        new("E6", "Moved into independent living arrangement and no longer looked-after: accommodation providing no formalised advice/support arrangements (such as bedsit, own flat, living with friend(s)). Includes both children leaving care before and at age 18"),
        new("E7", "Transferred to residential care funded by adult social care services"),
        new("E9", "Sentenced to custody"),
        new("E14", "Accommodation on remand ended"),
        new("E15", "Age assessment determined child is aged 18 or over and E5, E6 and E7 do not apply, such as an unaccompanied asylum-seeking child (UASC) whose age has been disputed"),
        new("E16", "Child moved abroad"),
        new("E17", "Aged 18 (or over) and remained with current carers (inc under staying put arrangements)"),
        new("E8", "Period of being looked-after ceased for any other reason (where none of the other reasons apply)"),
    ]);

    /// <summary>
    /// Why a placement changed (REASON_PLACE_CHANGE): recorded on the episode that ends when the child moves,
    /// except a move into or back from a temporary placement (rules 225, 226, 233).
    /// </summary>
    /// <remarks>
    /// The DfE guidance quoted in the Standard Safeguarding Dataset (ssd_cla_placement.yml,
    /// clap_cla_placement_change_reason), which also says when each applies: CARPL a planned move in the care plan,
    /// PLACE the same carers with a new home or provider, CUSTOD admission to custody.
    /// </remarks>
    public static CodeSet ReasonForPlacementChange { get; } = new("Reason for placement change",
    [
        new("CARPL", "Change to/Implementation of Care Plan"),
        new("CLOSE", "Resignation/ closure of provision"),
        new("ALLEG", "Allegation (s47)"),
        new("STAND", "Standards of care concern"),
        new("APPRR", "Approval removed"),
        new("CREQB", "Carer(s) requests placement end due to child’s behaviour"),
        new("CREQO", "Carer(s) requests placement end other than due to child’s behaviour"),
        new("CHILD", "Child requests placement end"),
        new("LAREQ", "Responsible/area authority requests placement end"),
        new("PLACE", "Change in the status of placement only"),
        new("CUSTOD", "Custody arrangement"),
        new("OTHER", "Other"),
    ]);

    /// <summary>Previous permanence option (PREV_PERM): how the child last left care, if they had been looked after before.</summary>
    /// <remarks>The DfE guidance wording quoted in the Standard Safeguarding Dataset (ssd_cla_previous_permanence.yml).</remarks>
    public static CodeSet PreviousPermanence { get; } = new("Previous permanence option",
    [
        new("P1", "Adoption"),
        new("P2", "Special guardianship order (SGO)"),
        new("P3", "Residence order (RO) or child arrangements order (CAO) which sets out with whom the child is to live."),
        new("P4", "Unknown"),
        new("Z1", "Child has not previously had a permanence option"),
    ]);

    /// <summary>
    /// The DfE's three-digit codes of English councils that rule 633 accepts for LA_PERM (the 903 validator's list,
    /// which also has 999), and the codes for a council elsewhere in the UK or outside it.
    /// </summary>
    private static readonly IReadOnlySet<string> LocalAuthorityCodes = new HashSet<string>(
        ("800,889,822,301,304,303,330,825,837,302,846,370,350,890,867,380,305,801,351,873,823,895,896,"
        + "381,909,202,908,331,306,841,830,831,878,371,835,332,840,307,308,811,881,845,390,916,203,876,"
        + "850,311,204,884,312,205,313,805,919,310,309,420,921,206,207,886,810,382,314,340,888,208,856,"
        + "383,855,209,925,341,201,821,352,806,887,826,315,929,812,391,926,892,813,802,928,891,392,316,"
        + "815,353,931,879,836,851,874,807,354,317,870,318,372,857,333,935,343,803,373,342,893,356,355,"
        + "871,394,334,933,882,936,861,852,319,860,808,393,866,210,357,894,883,880,358,211,937,869,320,"
        + "359,865,384,335,336,212,868,872,885,344,877,213,938,816,999,WAL,SCO,NUK,NIR").Split(','),
        StringComparer.Ordinal);

    /// <summary>Whether <paramref name="code"/> is a council code the return accepts for where a previous permanence option was arranged (rule 633).</summary>
    public static bool IsLocalAuthorityCode(string code) => LocalAuthorityCodes.Contains(code);

    /// <summary>
    /// Why the child's social worker changed (SWEpisodes SW_REASON, from 2023/24; rule SW13STG1 lists the codes). The wording
    /// is the Standard Safeguarding Dataset's (ssd_involvements invo_worker_change_reason). Every episode carries one,
    /// the first included (SW01bSTG1, SW15STG2): it is the reason the episode began.
    /// </summary>
    public static CodeSet SocialWorkerChangeReason { get; } = new("Reason for change of social worker",
    [
        new("MANAGE", "Managing caseloads"),
        new("FCONTA", "First contact or re-referral"),
        new("LEFTRL", "Previous social worker left role"),
        new("ORGRST", "New social worker assigned following organisational restructure"),
        new("TSPROC", "New social worker assigned following child transfer due to standard process"),
        new("ABSENC", "Absence cover or return from absence"),
        new("CHCHAN", "Child requested change from previous social worker"),
        new("PCCHAN", "Parent/carer requested change from previous social worker"),
        new("SWDIED", "Previous social worker died"),
        new("OTHERS", "Other reason"),
    ]);

    /// <summary>How the child took part in a review (REVIEW_CODE).</summary>
    public static CodeSet ReviewParticipation { get; } = new("Review participation",
    [
        new("PN0", "Child aged under 4 at the time of the review"),
        new("PN1", "Child physically attends and speaks for him or herself (Attendance)."),
        new("PN2", "Child physically attends and an advocate speaks on his or her behalf. (Attendance views represented by advocate or Independent Reviewing Officer (IRO))"),
        new("PN3", "Child attends and conveys his or her view symbolically (non-verbally) (Attendance symbols)"),
        new("PN4", "Child physically attends but does not speak for him or herself, does not convey his or her view symbolically (non-verbally) and does not ask an advocate to speak for him or her (Attendance without contribution)"),
        new("PN5", "Child does not attend physically but briefs an advocate to speak for him or her (Views represented by advocate or independent reviewing officer (IRO) through texting, written format, phone, audio/video, viewpoint)"),
        new("PN6", "Child does not attend but conveys his or her feelings to the review by a facilitative medium (Texting the chair, written format, phone, audio/video, viewpoint)"),
        new("PN7", "Child does not attend nor are his or her views conveyed to the review"),
    ]);

    /// <summary>Whether the child was missing or away from placement without authorisation (MISSING, rule 1006).</summary>
    public static CodeSet MissingType { get; } = new("Missing type",
    [
        new("M", "Missing from care"),
        new("A", "Away from placement without authorisation"),
    ]);
}
