using ChildrenServices.Domain.LookedAfter;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// Where the child lives and with whom, as the worker fills it in when the child becomes looked after or
/// moves. The names are the fields the domain's refusals name, so a refusal lands beside the right field.
/// </summary>
public interface IPlacementInput
{
    string? PlacementType { get; }

    string? PlacementProvider { get; }

    string? PlacementPostcode { get; }

    /// <summary>The Ofsted URN of the setting or agency, or the exempt value.</summary>
    string? PlacementUrn { get; }

    string? Carer { get; }

    bool IntendedLongTerm { get; }

    /// <summary>Whether the placement was made before the carer's assessment (regulation 19) or full approval (regulation 24).</summary>
    PlacementApproval? PlacementApproval { get; }
}

internal static class PlacementInput
{
    /// <summary>The placement the worker described; the domain refuses codes that do not exist and providers that do not fit.</summary>
    public static Placement ToPlacement(this IPlacementInput input) =>
        new(input.PlacementType ?? string.Empty, input.PlacementProvider, input.PlacementPostcode, input.Carer ?? string.Empty, input.IntendedLongTerm, input.PlacementUrn, input.PlacementApproval ?? PlacementApproval.Approved);
}

/// <summary>What must be filled in before the placement is worth checking; the rules between fields are the domain's.</summary>
internal sealed class PlacementInputValidator : AbstractValidator<IPlacementInput>
{
    public PlacementInputValidator()
    {
        RuleFor(c => c.PlacementType).NotEmpty().WithMessage("Select the placement type");
        RuleFor(c => c.PlacementApproval).NotNull().WithMessage("Select whether the carer was assessed or approved before the child was placed");
        RuleFor(c => c.Carer).NotEmpty().WithMessage("Enter the carer or the name of the setting")
            .MaximumLength(Placement.CarerLimit).WithMessage($"The carer must be {Placement.CarerLimit} characters or fewer");
    }
}

internal static class PeriodOfCareLoader
{
    /// <summary>The child's period of care with everything in it, as the edit the user loaded expects it.</summary>
    public static async Task<PeriodOfCare> LoadAsync(IAppDbContext db, Guid personId, Guid periodOfCareId, Guid version, CancellationToken ct)
    {
        var period = await db.PeriodsOfCare
            .Include(p => p.Episodes).Include(p => p.Reviews).ThenInclude(r => r.Recommendations).Include(p => p.Visits).Include(p => p.MissingEpisodes).Include(p => p.DeprivationOfLibertyOrders)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == periodOfCareId && p.ChildId == personId, ct)
            ?? throw new NotFoundException("Page not found");
        db.ExpectVersion(period, version);
        return period;
    }
}
