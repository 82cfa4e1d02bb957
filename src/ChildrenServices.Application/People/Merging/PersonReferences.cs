using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChildrenServices.Application.People.Merging;

/// <summary>
/// One column somewhere in the database that points at a person: found from the EF model (every foreign key
/// whose principal is <see cref="Person"/>), never from a hand-kept list, so a new entity that refers to a
/// person is merged without anyone remembering to add it.
/// </summary>
public sealed record PersonReference(IEntityType Entity, IProperty Property, string Table, string Column)
{
    public string Describe => $"{Entity.ClrType.Name}.{Property.Name}";
}

/// <summary>
/// Moves every row that refers to the merged person to the survivor, recording each moved row's key so that
/// an undo moves exactly those back. Rows that would clash stay on the tombstone and are reported:
/// a row whose unique key (or primary key) would then duplicate one the survivor already has (the same
/// draft); a row the survivor already has in the same aggregate (the same household, episode, contact or
/// approval request, found as a foreign key whose principal has a collection of these rows); a relationship
/// to a third person the survivor already has a relationship with; a relationship between the two records
/// themselves (it would relate the person to themself); and an open address or allocation when the survivor
/// already has an open one (a person has one current address, and which worker holds the case is for the
/// manager to decide).
/// </summary>
public sealed class PersonRowMover(IAppDbContext db)
{
    /// <summary>Entity types whose open rows (this property empty) move only when the survivor has no open row of its own.</summary>
    private static readonly Dictionary<Type, string> OpenRowProperty = new()
    {
        [typeof(Address)] = nameof(Address.To),
        [typeof(Allocation)] = nameof(Allocation.EndedOn),
    };

    public static IReadOnlyList<PersonReference> In(IModel model)
    {
        var references = new List<PersonReference>();
        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var fk in entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(Person)))
            {
                if (fk.Properties.Count != 1)
                {
                    throw new NotSupportedException($"{entity.DisplayName()} refers to a person by a composite key; merging cannot move it");
                }

                if (entity.IsMappedToJson() || entity.GetTableName() is not { } table)
                {
                    throw new NotSupportedException($"{entity.DisplayName()} refers to a person but is not stored in a table of its own; merging cannot move it");
                }

                var key = entity.FindPrimaryKey() ?? throw new NotSupportedException($"{entity.DisplayName()} has no primary key; merging cannot record which rows moved");
                if (key.Properties.Any(p => !IsSupportedKeyType(p.ClrType)))
                {
                    throw new NotSupportedException($"{entity.DisplayName()} has a key type merging cannot record");
                }

                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                var property = fk.Properties[0];
                references.Add(new PersonReference(entity, property, table, property.GetColumnName(store)!));
            }
        }

        return references;
    }

    private static bool IsSupportedKeyType(Type type) =>
        type == typeof(Guid) || type == typeof(int) || type == typeof(long) || type == typeof(string);

    /// <summary>How many rows refer to each person, per reference: what a merge would move (shown before it is confirmed).</summary>
    public async Task<IReadOnlyList<(PersonReference Reference, int Moves, int Stays)>> PreviewAsync(Guid survivorId, Guid mergedId, CancellationToken ct)
    {
        var result = new List<(PersonReference, int, int)>();
        foreach (var reference in In(db.Model))
        {
            var all = await CountAsync(reference, mergedId, null, ct);
            if (all == 0)
            {
                continue;
            }

            var moving = await CountAsync(reference, mergedId, survivorId, ct);
            result.Add((reference, moving, all - moving));
        }

        return result;
    }

    /// <summary>Moves the rows and records them on the merge.</summary>
    public async Task MoveAsync(PersonMerge merge, DateOnly mergedOn, CancellationToken ct)
    {
        foreach (var reference in In(db.Model))
        {
            var keys = await MovableKeysAsync(reference, merge.MergedId, merge.SurvivorId, ct);
            foreach (var key in keys)
            {
                var kind = MergeMoveKind.Moved;
                if (reference.Entity.ClrType == typeof(PersonName) && await IsCurrentNameAsync(reference, key, ct))
                {
                    // The survivor keeps its own current name; the other record's becomes a previous name, so
                    // searches for it still find the person.
                    kind = MergeMoveKind.CurrentNameKeptAsPrevious;
                    await SetNameKindAsync(reference, key, NameKind.Previous, mergedOn, ct);
                }

                await UpdateReferenceAsync(reference, key, merge.MergedId, merge.SurvivorId, ct);
                merge.RecordMove(reference.Entity.Name, reference.Property.Name, Serialise(reference, key), kind);
            }
        }
    }

    /// <summary>Moves exactly the recorded rows back to the merged record.</summary>
    public async Task MoveBackAsync(PersonMerge merge, CancellationToken ct)
    {
        var references = In(db.Model).ToDictionary(r => (r.Entity.Name, r.Property.Name));
        foreach (var row in merge.MovedRows)
        {
            if (!references.TryGetValue((row.Table, row.Column), out var reference))
            {
                throw new InvalidOperationException($"A moved row refers to {row.Table}.{row.Column}, which is no longer in the model");
            }

            var key = Deserialise(reference, row.KeyJson, merge.SurvivorId);
            await UpdateReferenceAsync(reference, key, merge.SurvivorId, merge.MergedId, ct);
            if (row.Kind == MergeMoveKind.CurrentNameKeptAsPrevious)
            {
                var originalKey = Deserialise(reference, row.KeyJson, merge.MergedId);
                await SetNameKindAsync(reference, originalKey, NameKind.Current, null, ct);
            }
        }
    }

    private async Task<int> CountAsync(PersonReference reference, Guid mergedId, Guid? survivorId, CancellationToken ct)
    {
        await using var command = await CommandAsync(ct);
        var (where, _) = MovableWhere(reference, command, mergedId, survivorId);
        command.CommandText = $"SELECT COUNT(*) FROM {Table(reference)} t WHERE {where}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private async Task<List<object?[]>> MovableKeysAsync(PersonReference reference, Guid mergedId, Guid survivorId, CancellationToken ct)
    {
        var keyProperties = reference.Entity.FindPrimaryKey()!.Properties;
        await using var command = await CommandAsync(ct);
        var (where, _) = MovableWhere(reference, command, mergedId, survivorId);
        command.CommandText = $"SELECT {string.Join(", ", keyProperties.Select(p => "t." + Quote(Column(reference, p))))} FROM {Table(reference)} t WHERE {where}";
        var keys = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var values = new object?[keyProperties.Count];
            for (var i = 0; i < keyProperties.Count; i++)
            {
                var raw = reader.IsDBNull(i) ? null : reader.GetValue(i);
                var converter = keyProperties[i].GetTypeMapping().Converter;
                values[i] = raw is null ? null : converter is null ? ChangeType(raw, keyProperties[i].ClrType) : converter.ConvertFromProvider(ChangeType(raw, converter.ProviderClrType));
            }

            keys.Add(values);
        }

        return keys;
    }

    /// <summary>
    /// The rows of <paramref name="reference"/> pointing at the merged person; with a survivor, only those that can
    /// move without a clash.
    /// </summary>
    private (string Where, int Parameters) MovableWhere(PersonReference reference, DbCommand command, Guid mergedId, Guid? survivorId)
    {
        var merged = Parameter(command, reference.Property, mergedId);
        var conditions = new List<string> { $"t.{Quote(reference.Column)} = {merged}" };
        if (survivorId is not { } survivor)
        {
            return (conditions[0], command.Parameters.Count);
        }

        var survivorParameter = Parameter(command, reference.Property, survivor);

        // A row that already relates the two records would relate the person to themself.
        foreach (var other in In(db.Model).Where(r => r.Entity == reference.Entity && r.Property != reference.Property))
        {
            conditions.Add($"(t.{Quote(other.Column)} IS NULL OR t.{Quote(other.Column)} <> {survivorParameter})");
        }

        // A row that would duplicate one the survivor has: the same unique key; the same relationship to the same
        // third person; the same place in another aggregate (the same household, episode or contact).
        var uniqueKeys = reference.Entity.GetKeys().Select(k => k.Properties)
            .Concat(reference.Entity.GetIndexes().Where(i => i.IsUnique && i.GetFilter() is null).Select(i => i.Properties))
            .Where(ps => ps.Contains(reference.Property))
            .Select(ps => ps.Where(p => p != reference.Property).ToList())
            .Concat(reference.Entity.GetForeignKeys()
                .Where(fk => fk.Properties.Count == 1 && fk.Properties[0] != reference.Property
                    && (fk.PrincipalEntityType.ClrType == typeof(Person) || fk.PrincipalToDependent is not null))
                .Select(fk => fk.Properties.ToList()));
        foreach (var properties in uniqueKeys)
        {
            var same = properties.Select(p => $"u.{Quote(Column(reference, p))} = t.{Quote(Column(reference, p))}");
            conditions.Add($"NOT EXISTS (SELECT 1 FROM {Table(reference)} u WHERE u.{Quote(reference.Column)} = {survivorParameter}{string.Concat(same.Select(s => " AND " + s))})");
        }

        // A row a filtered unique index covers (an open plan, a lead allocation, a request waiting) stays when the
        // survivor already has one it covers: a child has one open of each (ADR 0019).
        foreach (var index in reference.Entity.GetIndexes().Where(i => i.IsUnique && i.GetFilter() is not null && i.Properties.Contains(reference.Property)))
        {
            var same = index.Properties.Where(p => p != reference.Property).Select(p => $" AND u.{Quote(Column(reference, p))} = t.{Quote(Column(reference, p))}");
            conditions.Add($"(NOT ({Qualify(index.GetFilter()!, "t")}) OR NOT EXISTS (SELECT 1 FROM {Table(reference)} u WHERE u.{Quote(reference.Column)} = {survivorParameter}{string.Concat(same)} AND {Qualify(index.GetFilter()!, "u")}))");
        }

        if (OpenRowProperty.TryGetValue(reference.Entity.ClrType, out var openName))
        {
            var open = Quote(Column(reference, reference.Entity.FindProperty(openName)!));
            conditions.Add($"(t.{open} IS NOT NULL OR NOT EXISTS (SELECT 1 FROM {Table(reference)} o WHERE o.{Quote(reference.Column)} = {survivorParameter} AND o.{open} IS NULL))");
        }

        return (string.Join(" AND ", conditions), command.Parameters.Count);
    }

    /// <summary>An index filter with its columns read from the given alias (filters quote columns as "X" or [X]).</summary>
    private static string Qualify(string filter, string alias) =>
        System.Text.RegularExpressions.Regex.Replace(filter, "(\"[A-Za-z0-9_]+\"|\\[[A-Za-z0-9_]+\\])", alias + ".$1");

    private async Task UpdateReferenceAsync(PersonReference reference, object?[] key, Guid from, Guid to, CancellationToken ct)
    {
        await using var command = await CommandAsync(ct);
        var toParameter = Parameter(command, reference.Property, to);
        var fromParameter = Parameter(command, reference.Property, from);
        command.CommandText = $"UPDATE {Table(reference)} SET {Quote(reference.Column)} = {toParameter} WHERE {Quote(reference.Column)} = {fromParameter} AND {KeyWhere(reference, command, key)}";
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<bool> IsCurrentNameAsync(PersonReference reference, object?[] key, CancellationToken ct)
    {
        await using var command = await CommandAsync(ct);
        var kind = reference.Entity.FindProperty(nameof(PersonName.Kind))!;
        command.CommandText = $"SELECT COUNT(*) FROM {Table(reference)} WHERE {Quote(Column(reference, kind))} = {Parameter(command, kind, NameKind.Current)} AND {KeyWhere(reference, command, key)}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
    }

    private async Task SetNameKindAsync(PersonReference reference, object?[] key, NameKind kind, DateOnly? usedUntil, CancellationToken ct)
    {
        await using var command = await CommandAsync(ct);
        var kindProperty = reference.Entity.FindProperty(nameof(PersonName.Kind))!;
        var untilProperty = reference.Entity.FindProperty(nameof(PersonName.UsedUntil))!;
        command.CommandText = $"UPDATE {Table(reference)} SET {Quote(Column(reference, kindProperty))} = {Parameter(command, kindProperty, kind)}, "
            + $"{Quote(Column(reference, untilProperty))} = {Parameter(command, untilProperty, usedUntil)} WHERE {KeyWhere(reference, command, key)}";
        await command.ExecuteNonQueryAsync(ct);
    }

    private string KeyWhere(PersonReference reference, DbCommand command, object?[] key)
    {
        var properties = reference.Entity.FindPrimaryKey()!.Properties;
        return string.Join(" AND ", properties.Select((p, i) => $"{Quote(Column(reference, p))} = {Parameter(command, p, key[i])}"));
    }

    /// <summary>The key as it was before the move (the person column, when part of the key, holds the merged id).</summary>
    private static string Serialise(PersonReference reference, object?[] key)
    {
        var properties = reference.Entity.FindPrimaryKey()!.Properties;
        return JsonSerializer.Serialize(properties.Select((p, i) => new KeyValuePair<string, string?>(p.Name, Convert.ToString(key[i], CultureInfo.InvariantCulture)))
            .ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    /// <summary>The key as it is now: when the person column is part of the key, it holds <paramref name="personIdNow"/>.</summary>
    private static object?[] Deserialise(PersonReference reference, string json, Guid personIdNow)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(json)!;
        return [.. reference.Entity.FindPrimaryKey()!.Properties.Select(p => p == reference.Property
            ? personIdNow
            : values[p.Name] is not { } text ? null : Parse(text, p.ClrType))];
    }

    private static object Parse(string text, Type type) =>
        type == typeof(Guid) ? Guid.Parse(text, CultureInfo.InvariantCulture)
        : type == typeof(int) ? int.Parse(text, CultureInfo.InvariantCulture)
        : type == typeof(long) ? long.Parse(text, CultureInfo.InvariantCulture)
        : text;

    private static object ChangeType(object raw, Type type) =>
        raw.GetType() == type ? raw
        : type == typeof(Guid) ? (raw is byte[] bytes ? new Guid(bytes) : Guid.Parse(Convert.ToString(raw, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture))
        : Convert.ChangeType(raw, type, CultureInfo.InvariantCulture);

    private async Task<DbCommand> CommandAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static string Parameter(DbCommand command, IProperty property, object? value)
    {
        var name = $"@p{command.Parameters.Count}";
        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        command.Parameters.Add(mapping.CreateParameter(command, name, value, property.IsNullable));
        return name;
    }

    private string Quote(string identifier) => db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true
        ? $"[{identifier.Replace("]", "]]", StringComparison.Ordinal)}]"
        : $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private string Table(PersonReference reference) =>
        reference.Entity.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(reference.Table)}" : Quote(reference.Table);

    private static string Column(PersonReference reference, IProperty property) =>
        property.GetColumnName(StoreObjectIdentifier.Table(reference.Table, reference.Entity.GetSchema()))!;
}
