using ChildrenServices.Domain.Drafts;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildrenServices.Infrastructure.Persistence.Configurations;

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("CaseNotes");
        builder.ConfigureAggregate();
        builder.Property(n => n.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Title).HasMaxLength(CaseNote.TitleLimit);
        builder.Property(n => n.Text).HasMaxLength(CaseNote.TextLimit);
        builder.Property(n => n.WhoWasSeen).HasMaxLength(CaseNote.WhoWasSeenLimit);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(n => n.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Addenda).WithOne().HasForeignKey(a => a.CaseNoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(nameof(CaseNote.Addenda)).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(n => new { n.ChildId, n.OccurredOn });
        builder.HasIndex(n => new { n.ChildId, n.Significant });
    }
}

internal sealed class NoteAddendumConfiguration : IEntityTypeConfiguration<NoteAddendum>
{
    public void Configure(EntityTypeBuilder<NoteAddendum> builder)
    {
        builder.ToTable("NoteAddenda");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Text).HasMaxLength(CaseNote.AddendumLimit);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FormDraftConfiguration : IEntityTypeConfiguration<FormDraft>
{
    public void Configure(EntityTypeBuilder<FormDraft> builder)
    {
        builder.ToTable("FormDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Form).HasMaxLength(FormDraft.FormLimit);
        builder.Property(d => d.Scope).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Fields).HasMaxLength(FormDraft.FieldsLimit);

        // One draft per user per form per subject: saving again replaces it.
        builder.HasIndex(d => new { d.UserId, d.Form, d.SubjectId }).IsUnique();
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.ToTable("Corrections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Record).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Reason).HasMaxLength(Correction.ReasonLimit);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.CorrectedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.RecordId);
        builder.HasIndex(c => c.ChildId);
    }
}
