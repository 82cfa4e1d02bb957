using ChildrenServices.Application.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChildrenServices.Infrastructure.Persistence;

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ICurrentUser? user = null, TimeProvider? clock = null)
    : AppDbContext(options, user, clock);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, ICurrentUser? user = null, TimeProvider? clock = null)
    : AppDbContext(options, user, clock);

/// <summary>Lets `dotnet ef migrations add` build each provider's model without starting the web app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db", DatabaseSetup.SqliteOptions).Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=localhost;Database=design;Trusted_Connection=True;TrustServerCertificate=True", DatabaseSetup.SqlServerOptions).Options);
}
