using System.Text.RegularExpressions;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Returns;

/// <summary>
/// What the header of every DfE return carries, as an administrator set it: the council's three-digit DfE LA number
/// (the CIN census's LEA, SSDA903's LA, the daily feed's la_code), its ONS code (e.g. E06000054) and the name the
/// software gives itself (the CIN census's SoftwareCode). One row per deployment.
/// </summary>
public sealed partial class ReturnSettings : Aggregate
{
    /// <summary>The one row's id.</summary>
    public static readonly Guid SingletonId = new("0193f3c2-7d1e-7c55-9a3e-5c0a1b2c3d4f");

    /// <summary>What the software calls itself until an administrator says otherwise.</summary>
    public const string DefaultSoftwareName = "ChildrenServices";

    public const int SoftwareNameLimit = 50;

    private ReturnSettings()
    {
        LaNumber = string.Empty;
        OnsCode = string.Empty;
        SoftwareName = DefaultSoftwareName;
    }

    public ReturnSettings(string laNumber, string onsCode, string softwareName)
        : this()
    {
        Id = SingletonId;
        Change(laNumber, onsCode, softwareName);
    }

    /// <summary>The DfE's three-digit local authority number (for example 865).</summary>
    public string LaNumber { get; private set; }

    /// <summary>The council's ONS (GSS) code: E06, E08, E09 or E10 and six digits for an English council with children's services.</summary>
    public string OnsCode { get; private set; }

    public string SoftwareName { get; private set; }

    public void Change(string laNumber, string onsCode, string softwareName)
    {
        var problems = Validate(laNumber, onsCode, softwareName);
        if (problems.Count > 0)
        {
            throw new DomainRuleException(problems[0].Message, problems[0].Field);
        }

        LaNumber = laNumber.Trim();
        OnsCode = onsCode.Trim().ToUpperInvariant();
        SoftwareName = softwareName.Trim();
    }

    /// <summary>Every problem with the values, each with its field.</summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(string? laNumber, string? onsCode, string? softwareName)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(laNumber) || !LaNumberPattern().IsMatch(laNumber.Trim()))
        {
            problems.Add((nameof(LaNumber), "Enter the council's DfE LA number: three digits, for example 865"));
        }

        if (string.IsNullOrWhiteSpace(onsCode) || !OnsCodePattern().IsMatch(onsCode.Trim().ToUpperInvariant()))
        {
            problems.Add((nameof(OnsCode), "Enter the council's ONS code: E06, E08, E09 or E10 and six digits, for example E06000054"));
        }

        if (string.IsNullOrWhiteSpace(softwareName))
        {
            problems.Add((nameof(SoftwareName), "Enter the name the returns give for this software"));
        }
        else if (softwareName.Trim().Length > SoftwareNameLimit)
        {
            problems.Add((nameof(SoftwareName), $"The software's name must be {SoftwareNameLimit} characters or fewer"));
        }

        return problems;
    }

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex LaNumberPattern();

    /// <summary>Unitary (E06), metropolitan (E08), London borough (E09) or county council (E10): the councils with children's services.</summary>
    [GeneratedRegex(@"^E(06|08|09|10)\d{6}$")]
    private static partial Regex OnsCodePattern();
}
