namespace ChildrenServices.Domain.Codes;

/// <summary>
/// The DfE children in need (CIN) census code sets.
/// </summary>
/// <remarks>
/// Values and descriptions are the xs:documentation text of the CIN census schemas for the
/// 2024, 2025 and 2026 collections (reference/dfe/CIN_schema_20xx.xsd) unless a comment says
/// otherwise, and year validity follows reference/dfe/cin-census.md. Collection years are the
/// census year end (2024 = 2023/24). Check against the DfE specification for each new
/// collection year before release: where they differ, the DfE wins.
/// </remarks>
public static class DfeCodes
{
    /// <summary>The last collection with GenderCurrent; from 2025 the census returns <see cref="Sex"/>.</summary>
    private const int LastGenderCurrentYear = 2024;

    private const int FirstSexYear = 2025;

    /// <summary>CIN census GenderCurrent, returned up to and including the 2024 collection.</summary>
    public static CodeSet Gender { get; } = new("Gender",
    [
        new("1", "Male", ValidToYear: LastGenderCurrentYear),
        new("2", "Female", ValidToYear: LastGenderCurrentYear),
        new("0", "Not recorded or unborn", ValidToYear: LastGenderCurrentYear),
        new("9", "Indeterminate", ValidToYear: LastGenderCurrentYear),
    ]);

    /// <summary>CIN census Sex, which replaced GenderCurrent from the 2025 collection (U for unborn children, rule 8750).</summary>
    /// <remarks>The schemas word these in lower case ("male"); capitalised here to match the other sets on screen.</remarks>
    public static CodeSet Sex { get; } = new("Sex",
    [
        new("M", "Male", ValidFromYear: FirstSexYear),
        new("F", "Female", ValidFromYear: FirstSexYear),
        new("U", "Unknown", ValidFromYear: FirstSexYear),
    ]);

    public static CodeSet Ethnicity { get; } = new("Ethnicity",
    [
        new("WBRI", "White British"),
        new("WIRI", "White Irish"),
        new("WIRT", "Traveller of Irish heritage"),
        new("WOTH", "Any other White background"),
        new("WROM", "Gypsy/Roma"),
        new("MWBC", "White and Black Caribbean"),
        new("MWBA", "White and Black African"),
        new("MWAS", "White and Asian"),
        new("MOTH", "Any other mixed background"),
        new("AIND", "Indian"),
        new("APKN", "Pakistani"),
        new("ABAN", "Bangladeshi"),
        new("AOTH", "Any other Asian background"),
        new("BCRB", "Caribbean"),
        new("BAFR", "African"),
        new("BOTH", "Any other black background"),
        new("CHNE", "Chinese"),
        new("OOTH", "Any other ethnic group"),
        new("REFU", "Refused"),
        new("NOBT", "Information not yet obtained"),
    ]);

    /// <summary>CIN census disability codes; NONE may not be combined with any other (rule 8790).</summary>
    public static CodeSet Disability { get; } = new("Disability",
    [
        new("NONE", "No disability"),
        new("MOB", "Mobility"),
        new("HAND", "Hand function"),
        new("PC", "Personal care"),
        new("INC", "Incontinence"),
        new("COMM", "Communication"),
        new("LD", "Learning"),
        new("HEAR", "Hearing"),
        new("VIS", "Vision"),
        new("BEH", "Behaviour"),
        new("CON", "Consciousness"),
        new("AUT", "Autism"),
        new("DDA", "Other"),
    ]);

    public static CodeSet ReferralSource { get; } = new("Referral source",
    [
        new("1A", "INDIVIDUAL – family member, relative or carer"),
        new("1B", "INDIVIDUAL – acquaintance (including neighbours and child minders)"),
        new("1C", "INDIVIDUAL – self"),
        new("1D", "INDIVIDUAL – other (including strangers)"),
        new("2A", "SCHOOLS"),
        new("2B", "EDUCATION SERVICES"),
        new("3A", "HEALTH SERVICES – general practitioner (GP)"),
        new("3B", "HEALTH SERVICES – health visitor"),
        new("3C", "HEALTH SERVICES – school nurse"),
        new("3D", "HEALTH SERVICES – other primary health services"),
        new("3E", "HEALTH SERVICES – A&E (accident and emergency department)"),
        new("3F", "HEALTH SERVICES – other (for example hospice)"),
        new("4", "HOUSING - local authority housing or housing association"),
        new("5A", "LA SERVICES – social care for example adults social care services"),
        new("5B", "LA SERVICES – other internal (department other than social care in local authorities, for example, youth offending (excluding housing))"),
        new("5C", "LA SERVICES – external, for example, from another local authority’s adults social care services"),
        // Added in the 2023/24 schema (cin-census.md 2.3). The schema text opens with a stray
        // "(" that is a typo, not part of the wording, so it is left out here.
        new("5D", "LA SERVICES – early help", ValidFromYear: 2024),
        new("6", "POLICE"),
        new("7", "OTHER LEGAL AGENCY – including courts, probation, immigration, CAFCASS (Children and Family Court Advisory and Support Service) or prison"),
        new("8", "OTHER – including children’s centres, independent agency providers or voluntary organisations"),
        new("9", "ANONYMOUS"),
        new("10", "UNKNOWN"),
    ]);

    public static CodeSet PrimaryNeed { get; } = new("Primary need",
    [
        // N1 was reworded in the 2026 schema; returns for earlier years keep the old wording.
        new("N1", "Abuse or neglect", ValidToYear: 2025),
        new("N1", "Abuse, neglect and exploitation", ValidFromYear: 2026),
        new("N2", "Child's disability"),
        new("N3", "Parental disability or illness"),
        new("N4", "Family in acute stress"),
        new("N5", "Family dysfunction"),
        new("N6", "Socially unacceptable behaviour"),
        new("N7", "Low income"),
        new("N8", "Absent parenting"),
        new("N9", "Cases other than children in need"),
        new("N0", "Not stated"),
    ]);

    public static CodeSet ReasonForClosure { get; } = new("Reason for closure",
    [
        new("RC1", "Adopted"),
        new("RC2", "Died"),
        new("RC3", "Child arrangements order"),
        new("RC4", "Special guardianship order"),
        new("RC5", "Transferred to services of another local authority"),
        new("RC6", "Transferred to adult social care services"),
        new("RC7", "Services ceased for any other reason, including child no longer in need"),
        new("RC8", "Case closed after assessment, no further action"),
        // Added in 2023/24 (cin-census.md 2.3), so a 2022/23 return may not use it.
        new("RC9", "Case closed after assessment, referred to early help", ValidFromYear: 2024),
    ]);

    /// <summary>Factors identified at the end of a child and family assessment (several allowed; 21 only alone).</summary>
    /// <remarks>
    /// 18A and 19A are still in the 2026 schema, but queries 8945Q and 8950Q (from 2024/25) ask for 18B/18C
    /// and 19B/19C instead, so they are kept for history and not offered.
    /// </remarks>
    public static CodeSet AssessmentFactors { get; } = new("Assessment factors",
    [
        new("1A", "Alcohol misuse: concerns about alcohol misuse by the child"),
        new("1B", "Alcohol misuse: concerns about alcohol misuse by the parent(s)/carer(s)"),
        new("1C", "Alcohol misuse: concerns about alcohol misuse by another person living in the household"),
        new("2A", "Drug misuse: concerns about drug misuse by the child"),
        new("2B", "Drug misuse: concerns about drug misuse by the parent(s)/carer(s)"),
        new("2C", "Drug misuse: concerns about drug misuse by another person living in the household"),
        new("3A", "Domestic violence: concerns about the child being the subject of domestic violence"),
        new("3B", "Domestic violence: concerns about the child’s parent(s)/carer(s) being the subject of domestic violence"),
        new("3C", "Domestic violence: concerns about another person living in the household being the subject of domestic violence"),
        new("4A", "Mental health: concerns about the mental health of the child"),
        new("4B", "Mental health: concerns about the mental health of the parent(s)/carer(s)"),
        new("4C", "Mental health: concerns about the mental health of another person in the family/household"),
        new("5A", "Learning disability: concerns about the child’s learning disability"),
        new("5B", "Learning disability: concerns about the parent(s)/carer(s) learning disability"),
        new("5C", "Learning disability: concerns about another person in the family/household’s learning disability"),
        new("6A", "Physical disability or illness: concerns about a physical disability or illness of the child"),
        new("6B", "Physical disability or illness: concerns about a physical disability or illness of the parent(s)/carer(s)"),
        new("6C", "Physical disability or illness: concerns about a physical disability or illness of another person in the family/household"),
        new("7A", "Young carer: concerns that services may be required or the child’s health or development may be impaired due to their caring responsibilities"),
        new("8B", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - overseas children who intend to return"),
        new("8C", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - overseas children who intend to stay"),
        new("8D", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - UK children in educational placements"),
        new("8E", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - UK children making alternative family arrangements"),
        new("8F", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - other"),
        new("9A", "UASC: concerns that services may be required or the child may be at risk of harm as an unaccompanied asylum-seeking child"),
        new("10A", "Missing: concerns that services may be required or the child may be at risk of harm due to going/being missing"),
        new("11A", "Child sexual exploitation: concerns that services may be required or the child may be at risk of harm due to child sexual exploitation"),
        new("12A", "Trafficking: concerns that services may be required or the child may be at risk of harm due to trafficking"),
        new("13A", "Gangs: concerns that services may be required or the child may be at risk of harm because of involvement in/with gangs"),
        new("14A", "Socially unacceptable behaviour: concerns that services may be required or the child may be at risk due to their socially unacceptable behaviour"),
        new("15A", "Self-harm: concerns that services may be required or due to suspected/actual self-harming child may be at risk of harm"),
        new("16A", "Abuse or neglect – ‘NEGLECT’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect"),
        new("17A", "Abuse or neglect – ‘EMOTIONAL ABUSE’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect"),
        new("18A", "Abuse or neglect – ‘PHYSICAL ABUSE’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect", ValidToYear: 2024),
        new("18B", "Abuse or neglect – ‘PHYSICAL ABUSE’ (child on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by another child"),
        new("18C", "Abuse or neglect – ‘PHYSICAL ABUSE’ (adult on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by an adult"),
        new("19A", "Abuse or neglect – ‘SEXUAL ABUSE’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect", ValidToYear: 2024),
        new("19B", "Abuse or neglect – ‘SEXUAL ABUSE’ (child on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by another child"),
        new("19C", "Abuse or neglect – ‘SEXUAL ABUSE’ (adult on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by an adult"),
        new("20", "Other"),
        new("21", "No factors identified - only use this if there is no evidence of any of the factors above and no further action is being taken"),
        new("22A", "Female genital mutilation (FGM) - concerns that services may be required or the child may be at risk due to female genital mutilation"),
        new("23A", "Abuse linked to faith or belief - concerns that services may be required or the child may be at risk due to abuse linked to faith or belief"),
        new("24A", "Child criminal exploitation: concerns that services may be required or the child may be at risk of harm due to child criminal exploitation"),
    ]);

    /// <summary>"No factors identified": CIN rule 8869 allows it only on its own.</summary>
    public const string NoFactorsIdentified = "21";

    /// <summary>Initial and latest category of abuse on a child protection plan.</summary>
    public static CodeSet CategoryOfAbuse { get; } = new("Category of abuse",
    [
        new("NEG", "Neglect"),
        new("PHY", "Physical abuse"),
        new("SAB", "Sexual abuse"),
        new("EMO", "Emotional abuse"),
        new("MUL", "Multiple/not recommended"),
    ]);

    /// <summary>Why a child in the CIN census has no UPN.</summary>
    /// <remarks>
    /// The schemas list UN1–UN7 without wording. UN1, UN2, UN3 and UN5 use the DfE wording quoted in
    /// reference/ssd/ssd_send.yml and UN7 the wording of CIN rule 8772. UN4 adapts the SSDA903
    /// wording in reference/ssd/ssd_person.yml ("Child is newly looked-after and the UPN is not yet
    /// known"), because CIN children need not be looked after. UN6 has no wording anywhere in the
    /// reference material; "Child is unborn" is recalled from the DfE CIN census guide. Check UN4
    /// and UN6 against the current DfE guide before either is shown to users or exported.
    /// </remarks>
    public static CodeSet UpnUnknown { get; } = new("UPN unknown reason",
    [
        new("UN1", "Child is aged under 6 years old and is not yet assigned a UPN"),
        new("UN2", "Child has never attended a state-funded school in England and has not been assigned a UPN"),
        new("UN3", "Child is educated outside of England and has not been assigned a UPN"),
        new("UN4", "Child is new to the local authority and the UPN is not yet known"),
        new("UN5", "Sources collating UPNs reflect discrepancy/ies for the child’s name and/or surname and/or date of birth therefore prevent reliable matching (for example duplicated UPN)"),
        new("UN6", "Child is unborn"),
        new("UN7", "Referral with no further action"),
    ]);
}
