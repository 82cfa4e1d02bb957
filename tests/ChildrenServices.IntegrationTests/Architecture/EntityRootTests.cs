using System.Runtime.CompilerServices;
using ChildrenServices.Domain.Common;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Architecture;

/// <summary>
/// Every entity in the EF model is an aggregate, a part of one that names its root (<see cref="IPartOf{TRoot}"/>,
/// so a change to it versions the root), or a record that is standalone on purpose (<see cref="IStandaloneRecord"/>,
/// each saying why: audit entries, drafts, notifications, sign-in sessions, form submissions, relationships,
/// the Identity user). ASP.NET Core Identity's own role, claim, login and token rows are the framework's.
/// </summary>
public sealed class EntityRootTests(AppFactory factory)
{
    private static readonly System.Reflection.Assembly IdentityStores = typeof(IdentityUserRole<Guid>).Assembly;

    private IReadOnlyList<IEntityType> Entities()
    {
        using var scope = factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        return [.. model.GetEntityTypes().Where(e => e.ClrType.Assembly != IdentityStores)];
    }

    [Fact]
    public void EveryEntity_IsAnAggregate_APartNamingItsRoot_OrStandaloneOnPurpose()
    {
        var entities = Entities();
        var aggregates = entities.Where(e => typeof(Aggregate).IsAssignableFrom(e.ClrType)).Select(e => e.ClrType).ToHashSet();

        var problems = entities.Select(e => e.ClrType).Select(type =>
        {
            var kinds = new[] { typeof(Aggregate).IsAssignableFrom(type), typeof(IPartOf).IsAssignableFrom(type), typeof(IStandaloneRecord).IsAssignableFrom(type) }.Count(k => k);
            if (kinds != 1)
            {
                return $"{type.Name} must be exactly one of: an Aggregate, an IPartOf<TRoot>, an IStandaloneRecord";
            }

            if (typeof(IPartOf).IsAssignableFrom(type))
            {
                var roots = type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPartOf<>)).Select(i => i.GetGenericArguments()[0]).ToList();
                if (roots.Count != 1)
                {
                    return $"{type.Name} must name exactly one root with IPartOf<TRoot>";
                }

                if (!aggregates.Contains(roots[0]))
                {
                    return $"{type.Name} names {roots[0].Name} as its root, which is not an aggregate in the model";
                }
            }

            return null;
        }).OfType<string>();

        Assert.True(aggregates.Count >= 20, $"Expected the aggregates, found {aggregates.Count}");
        Assert.True(!problems.Any(), string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// A part's root id is one of its own stored columns (for a child, the foreign key to its root), not
    /// something reached through a parent that may not be loaded: a grandchild carries its root's id.
    /// </summary>
    [Fact]
    public void EveryPart_ReadsItsRootIdFromAColumnOfItsOwn_TheForeignKeyToTheRootWhereThereIsOne()
    {
        var parts = Entities().Where(e => typeof(IPartOf).IsAssignableFrom(e.ClrType)).ToList();

        Assert.True(parts.Count >= 30, $"Expected the parts of aggregates, found {parts.Count}");
        var problems = parts.Select(entity =>
        {
            var part = RuntimeHelpers.GetUninitializedObject(entity.ClrType);
            var values = new Dictionary<Guid, IProperty>();
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(Guid) && p.PropertyInfo is not null && !p.IsShadowProperty()))
            {
                var value = Guid.NewGuid();
                SetValue(property.PropertyInfo!, part, value);
                values[value] = property;
            }

            var rootId = ((IPartOf)part).RootId;
            if (!values.TryGetValue(rootId, out var column))
            {
                return $"{entity.ClrType.Name}.RootId is not one of its own Guid columns";
            }

            var rootType = AppDbContext.RootTypeOf(entity.ClrType);
            var foreignKey = entity.GetForeignKeys().FirstOrDefault(fk => fk.PrincipalEntityType.ClrType == rootType && fk.Properties.Count == 1);
            return foreignKey is not null && foreignKey.Properties[0] != column
                ? $"{entity.ClrType.Name}.RootId reads {column.Name}, not its foreign key to {rootType.Name} ({foreignKey.Properties[0].Name})"
                : null;
        }).OfType<string>();

        Assert.True(!problems.Any(), string.Join(Environment.NewLine, problems));
    }

    private static void SetValue(System.Reflection.PropertyInfo property, object target, Guid value)
    {
        if (property.SetMethod is { } setter)
        {
            setter.Invoke(target, [value]);
            return;
        }

        // A get-only auto property: write its backing field.
        var field = property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{property.DeclaringType.Name}.{property.Name} cannot be set");
        field.SetValue(target, value);
    }
}
