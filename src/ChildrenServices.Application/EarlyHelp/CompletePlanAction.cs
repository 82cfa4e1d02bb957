using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.EarlyHelp;

/// <summary>Mark an action done.</summary>
public static class CompletePlanAction
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command(Guid EpisodeId, Guid Version, Guid ActionId) : ICommand, IEpisodeScoped, IAudited, IVersioned;

    public sealed class Handler(IAppDbContext db, RecordAccess access, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await EpisodeRecording.EnsureCanRecordAsync(access, command.EpisodeId, cancellationToken);
            var plan = await PlanLoader.LoadAsync(db, command.EpisodeId, cancellationToken);
            db.ExpectVersion(plan, command.Version);
            plan.CompleteAction(command.ActionId, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
