using System.Linq.Expressions;

namespace ChildrenServices.Application;

/// <summary>
/// Puts expressions in place of a lambda's parameters: how one query or rule, written once as a lambda, is composed into
/// another (a rule on a person applied to the person a row names; a statement over some leads compiled for one worker's).
/// </summary>
internal sealed class Substitution : ExpressionVisitor
{
    private readonly Dictionary<ParameterExpression, Expression> replacements = [];

    public Substitution(ParameterExpression parameter, Expression replacement) => replacements[parameter] = replacement;

    /// <summary>Another parameter to replace in the same pass.</summary>
    public Substitution And(ParameterExpression parameter, Expression replacement)
    {
        replacements[parameter] = replacement;
        return this;
    }

    protected override Expression VisitParameter(ParameterExpression node) =>
        replacements.TryGetValue(node, out var replacement) ? replacement : base.VisitParameter(node);
}
