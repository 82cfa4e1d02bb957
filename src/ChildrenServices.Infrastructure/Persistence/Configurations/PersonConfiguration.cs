using ChildrenServices.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildrenServices.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.ConfigureAggregate();
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.LocalId).HasMaxLength(LocalIdentifier.MaxLength);
        builder.HasIndex(p => p.LocalId).IsUnique();
        builder.Ignore(p => p.SexCode);
        builder.Property(p => p.GivenNames).HasMaxLength(100);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.EthnicityCode).HasMaxLength(4);
        builder.Property(p => p.FirstLanguage).HasMaxLength(60);
        builder.Property(p => p.NhsNumber).HasMaxLength(10);
        builder.Property(p => p.UniquePupilNumber).HasMaxLength(13);
        builder.Property(p => p.UpnUnknownReason).HasMaxLength(3);
        builder.Property(p => p.DateOfBirthNotKnownReason).HasMaxLength(200);
        builder.Property(p => p.Restriction).HasConversion<string>().HasMaxLength(30);
        builder.PrimitiveCollection(p => p.DisabilityCodes);

        builder.HasMany(p => p.Names).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.RestrictionGrants).WithOne().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Names).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Addresses).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.RestrictionGrants).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(p => p.NhsNumber);
        builder.HasIndex(p => p.UniquePupilNumber);
        builder.HasIndex(p => p.DateOfBirth);
        builder.HasIndex(p => new { p.FamilyName, p.GivenNames });
        builder.HasIndex(p => p.Restriction);
        // The newest children not yet allocated (My work, for front-door practitioners and managers) read backwards from here
        // and stop at a page, rather than sorting every child.
        builder.HasIndex(p => p.CreatedAtUtc);
        builder.Ignore(p => p.IsRestricted);
        builder.Ignore(p => p.IsUnborn);
        builder.Ignore(p => p.DateOfBirthNotKnown);
        builder.Ignore(p => p.FullName);
        builder.Ignore(p => p.IsMerged);

        // A tombstone's pointer to the survivor: a plain column, not a foreign key, so that merging
        // (which moves every foreign key to a person) never moves it.
        // Only tombstones are indexed: with every live record in it as NULL, SQLite's sampled statistics took the index for
        // a selective way to find live records, and sorted 100,000 children for My work's newest unallocated instead of
        // reading them backwards by CreatedAtUtc.
        builder.HasIndex(p => p.MergedIntoId).HasFilter("[MergedIntoId] IS NOT NULL");
    }
}

internal sealed class PersonMergeConfiguration : IEntityTypeConfiguration<PersonMerge>
{
    public void Configure(EntityTypeBuilder<PersonMerge> builder)
    {
        builder.ToTable("PersonMerges");
        builder.ConfigureAggregate();
        builder.Property(m => m.MergedByName).HasMaxLength(100);
        builder.Property(m => m.UndoneByName).HasMaxLength(100);
        builder.HasIndex(m => m.SurvivorId);
        builder.HasIndex(m => m.MergedId);
        builder.Ignore(m => m.IsUndone);
        builder.HasMany(m => m.MovedRows).WithOne().HasForeignKey(r => r.MergeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.MovedRows).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MergeMovedRowConfiguration : IEntityTypeConfiguration<MergeMovedRow>
{
    public void Configure(EntityTypeBuilder<MergeMovedRow> builder)
    {
        builder.ToTable("PersonMergeMovedRows");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Table).HasMaxLength(200);
        builder.Property(r => r.Column).HasMaxLength(100);
        builder.Property(r => r.KeyJson).HasMaxLength(1000);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> builder)
    {
        builder.ToTable("PersonNames");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(n => n.GivenNames).HasMaxLength(100);
        builder.Property(n => n.FamilyName).HasMaxLength(100);
        builder.Property(n => n.SearchText).HasMaxLength(201);
        builder.HasIndex(n => n.SearchText);
        builder.Property(n => n.GivenKey).HasMaxLength(4);
        builder.Property(n => n.FamilyKey).HasMaxLength(4);
        builder.Property(n => n.FamilyLastKey).HasMaxLength(4);
        builder.HasIndex(n => new { n.GivenKey, n.FamilyKey });
        builder.HasIndex(n => new { n.GivenKey, n.FamilyLastKey });
        builder.Ignore(n => n.FullName);
    }
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.ToTable("Addresses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Line1).HasMaxLength(200);
        builder.Property(a => a.Line2).HasMaxLength(200);
        builder.Property(a => a.Town).HasMaxLength(100);
        builder.Property(a => a.Postcode).HasMaxLength(10);
        builder.HasIndex(a => a.Postcode);
        builder.Ignore(a => a.IsCurrent);
        builder.Ignore(a => a.SingleLine);
    }
}

internal sealed class RestrictionGrantConfiguration : IEntityTypeConfiguration<RestrictionGrant>
{
    public void Configure(EntityTypeBuilder<RestrictionGrant> builder)
    {
        builder.ToTable("RestrictionGrants");
        builder.HasKey(g => new { g.PersonId, g.UserId });
        builder.HasIndex(g => g.UserId);
    }
}

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.ToTable("Relationships");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Notes).HasMaxLength(500);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.RelatedPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("Households");
        builder.ConfigureAggregate();
        builder.Property(h => h.Name).HasMaxLength(150);
        builder.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> builder)
    {
        builder.ToTable("HouseholdMembers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.PersonId);
    }
}

/// <summary>The one-row sequence local identifiers are taken from (<see cref="LocalIdentifiers"/>); read and moved by SQL only.</summary>
internal sealed class LocalIdentifierSequenceConfiguration : IEntityTypeConfiguration<LocalIdentifierSequence>
{
    public void Configure(EntityTypeBuilder<LocalIdentifierSequence> builder)
    {
        builder.ToTable("LocalIdentifierSequence");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new LocalIdentifierSequence { Id = 1, Next = LocalIdentifier.First });
    }
}
