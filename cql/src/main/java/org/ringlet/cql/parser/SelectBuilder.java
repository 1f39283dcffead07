package org.ringlet.cql.parser;

import java.util.ArrayList;
import java.util.List;

import org.ringlet.cql.ast.Operator;
import org.ringlet.cql.ast.RawRelation;
import org.ringlet.cql.ast.RawSelectable;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.grammar.CqlParser;

/** Builds SELECT statements, selectors and WHERE relations. Not thread-safe: one instance per parse. */
final class SelectBuilder {
    private final TermBuilder terms;

    SelectBuilder(TermBuilder terms) {
        this.terms = terms;
    }

    RawStatement.Select select(CqlParser.SelectStatementContext ctx) {
        List<RawStatement.Selector> selectors = new ArrayList<>();
        if (ctx.selectClause().STAR() == null) {
            for (CqlParser.SelectorContext s : ctx.selectClause().selector()) {
                String alias = s.ident() == null ? null : Names.ident(s.ident());
                selectors.add(new RawStatement.Selector(selectable(s.selectionExpr()), alias));
            }
        }
        List<RawRelation> where = ctx.whereClause() == null ? List.of() : where(ctx.whereClause());
        List<RawSelectable> groupBy = new ArrayList<>();
        if (ctx.groupByClause() != null) {
            for (CqlParser.SelectionExprContext e : ctx.groupByClause().selectionExpr()) {
                groupBy.add(selectable(e));
            }
        }
        List<RawStatement.Ordering> orderBy = new ArrayList<>();
        if (ctx.orderByClause() != null) {
            for (CqlParser.OrderingContext o : ctx.orderByClause().ordering()) {
                orderBy.add(ordering(o));
            }
        }
        RawTerm perPartitionLimit = null;
        RawTerm limit = null;
        List<CqlParser.IntValueContext> ints = ctx.intValue();
        int i = 0;
        if (ctx.K_PER() != null) {
            perPartitionLimit = intValue(ints.get(i++));
        }
        if (i < ints.size()) {
            limit = intValue(ints.get(i));
        }
        return new RawStatement.Select(Names.table(ctx.tableName()), ctx.K_JSON() != null, ctx.K_DISTINCT() != null,
                selectors, where, groupBy, orderBy, perPartitionLimit, limit, ctx.K_ALLOW() != null);
    }

    static RawStatement.Ordering ordering(CqlParser.OrderingContext o) {
        return new RawStatement.Ordering(Names.ident(o.ident()), o.K_DESC() != null);
    }

    RawTerm intValue(CqlParser.IntValueContext ctx) {
        if (ctx.INTEGER() != null) {
            return new RawTerm.Literal(RawTerm.LiteralKind.INTEGER, ctx.INTEGER().getText());
        }
        return terms.marker(ctx.bindMarker());
    }

    RawSelectable selectable(CqlParser.SelectionExprContext ctx) {
        if (ctx instanceof CqlParser.SelectionSimpleContext s) {
            return primary(s.selectionPrimary());
        }
        if (ctx instanceof CqlParser.SelectionNegationContext n) {
            return new RawSelectable.Negation(selectable(n.selectionExpr()));
        }
        if (ctx instanceof CqlParser.SelectionMultiplicationContext m) {
            return new RawSelectable.Arithmetic(m.op.getText().charAt(0), selectable(m.selectionExpr(0)),
                    selectable(m.selectionExpr(1)));
        }
        CqlParser.SelectionAdditionContext a = (CqlParser.SelectionAdditionContext) ctx;
        return new RawSelectable.Arithmetic(a.op.getText().charAt(0), selectable(a.selectionExpr(0)),
                selectable(a.selectionExpr(1)));
    }

    private RawSelectable primary(CqlParser.SelectionPrimaryContext ctx) {
        if (ctx instanceof CqlParser.ColumnSelectionContext c) {
            return new RawSelectable.Column(Names.ident(c.ident()));
        }
        if (ctx instanceof CqlParser.CountStarContext) {
            return new RawSelectable.CountStar();
        }
        if (ctx instanceof CqlParser.SelectionFunctionContext f) {
            List<RawSelectable> args = new ArrayList<>();
            for (CqlParser.SelectionExprContext e : f.selectionExpr()) {
                args.add(selectable(e));
            }
            return new RawSelectable.FunctionCall(Names.function(f.functionName()), args);
        }
        if (ctx instanceof CqlParser.CastContext c) {
            return new RawSelectable.Cast(selectable(c.selectionExpr()), Names.ident(c.ident()));
        }
        if (ctx instanceof CqlParser.WritetimeOrTtlContext w) {
            RawSelectable.MetadataKind kind = switch (w.kind.getType()) {
                case CqlParser.K_WRITETIME -> RawSelectable.MetadataKind.WRITETIME;
                case CqlParser.K_MAXWRITETIME -> RawSelectable.MetadataKind.MAXWRITETIME;
                default -> RawSelectable.MetadataKind.TTL;
            };
            String column = Names.ident(w.ident());
            RawSelectable selected = new RawSelectable.Column(column);
            if (w.element != null) {
                selected = new RawSelectable.ElementSelection(selected, terms.term(w.element));
            } else if (w.RANGE() != null) {
                selected = new RawSelectable.SliceSelection(selected, w.from == null ? null : terms.term(w.from),
                        w.to == null ? null : terms.term(w.to));
            }
            return new RawSelectable.WritetimeOrTtl(kind, column, selected);
        }
        if (ctx instanceof CqlParser.SelectionValueContext v) {
            return new RawSelectable.Value(terms.value(v.value()));
        }
        if (ctx instanceof CqlParser.SelectionTypeHintContext h) {
            return new RawSelectable.TypeHint(terms.type(h.cqlType()), primary(h.selectionPrimary()));
        }
        if (ctx instanceof CqlParser.FieldSelectionContext f) {
            return new RawSelectable.FieldSelection(primary(f.selectionPrimary()), Names.ident(f.ident()));
        }
        if (ctx instanceof CqlParser.ElementSelectionContext e) {
            return new RawSelectable.ElementSelection(primary(e.selectionPrimary()), terms.term(e.term()));
        }
        if (ctx instanceof CqlParser.SliceSelectionContext s) {
            RawSelectable base = primary(s.selectionPrimary());
            RawTerm from = null;
            RawTerm to = null;
            // the terms are in order; which one is present depends on the position of '..'
            int rangeIndex = s.RANGE().getSymbol().getTokenIndex();
            for (CqlParser.TermContext t : s.term()) {
                if (t.getStart().getTokenIndex() < rangeIndex) {
                    from = terms.term(t);
                } else {
                    to = terms.term(t);
                }
            }
            return new RawSelectable.SliceSelection(base, from, to);
        }
        return selectable(((CqlParser.SelectionParenthesisContext) ctx).selectionExpr());
    }

    List<RawRelation> where(CqlParser.WhereClauseContext ctx) {
        List<RawRelation> out = new ArrayList<>();
        for (CqlParser.RelationContext r : ctx.relation()) {
            out.add(relation(r));
        }
        return out;
    }

    static Operator operator(CqlParser.RelationOperatorContext ctx) {
        return switch (ctx.getStart().getType()) {
            case CqlParser.EQ -> Operator.EQ;
            case CqlParser.LT -> Operator.LT;
            case CqlParser.LTE -> Operator.LTE;
            case CqlParser.GT -> Operator.GT;
            case CqlParser.GTE -> Operator.GTE;
            default -> Operator.NEQ;
        };
    }

    private RawRelation relation(CqlParser.RelationContext ctx) {
        if (ctx instanceof CqlParser.SimpleRelationContext s) {
            return new RawRelation.Single(Names.ident(s.ident()), operator(s.relationOperator()), terms.term(s.term()));
        }
        if (ctx instanceof CqlParser.TokenRelationContext t) {
            List<String> columns = new ArrayList<>();
            t.ident().forEach(i -> columns.add(Names.ident(i)));
            return new RawRelation.Token(columns, operator(t.relationOperator()), terms.term(t.term()));
        }
        if (ctx instanceof CqlParser.InRelationContext in) {
            String column = Names.ident(in.ident());
            CqlParser.InValuesContext v = in.inValues();
            if (v.bindMarker() != null) {
                return new RawRelation.In(column, null, terms.marker(v.bindMarker()));
            }
            return new RawRelation.In(column, terms.terms(v.term()), null);
        }
        if (ctx instanceof CqlParser.ContainsRelationContext c) {
            return new RawRelation.Contains(Names.ident(c.ident()), c.K_KEY() != null, terms.term(c.term()));
        }
        if (ctx instanceof CqlParser.MapElementRelationContext m) {
            return new RawRelation.MapElement(Names.ident(m.ident()), terms.term(m.term(0)),
                    operator(m.relationOperator()), terms.term(m.term(1)));
        }
        if (ctx instanceof CqlParser.IsNotNullRelationContext n) {
            return new RawRelation.IsNotNull(Names.ident(n.ident()));
        }
        if (ctx instanceof CqlParser.LikeRelationContext l) {
            return new RawRelation.Like(Names.ident(l.ident()), terms.term(l.term()));
        }
        if (ctx instanceof CqlParser.MultiColumnRelationContext m) {
            List<String> columns = identTuple(m.identTuple());
            RawTerm value = m.bindMarker() != null ? terms.marker(m.bindMarker()) : tuple(m.tupleOfTerms());
            return new RawRelation.MultiColumn(columns, operator(m.relationOperator()), value);
        }
        if (ctx instanceof CqlParser.MultiColumnInRelationContext m) {
            List<String> columns = identTuple(m.identTuple());
            if (m.bindMarker() != null) {
                return new RawRelation.MultiColumnIn(columns, null, terms.marker(m.bindMarker()));
            }
            List<RawTerm> values = new ArrayList<>();
            for (CqlParser.TupleOfTermsContext t : m.tupleOfTerms()) {
                values.add(tuple(t));
            }
            return new RawRelation.MultiColumnIn(columns, values, null);
        }
        return relation(((CqlParser.ParenthesizedRelationContext) ctx).relation());
    }

    private static List<String> identTuple(CqlParser.IdentTupleContext ctx) {
        List<String> columns = new ArrayList<>();
        ctx.ident().forEach(i -> columns.add(Names.ident(i)));
        return columns;
    }

    private RawTerm tuple(CqlParser.TupleOfTermsContext ctx) {
        if (ctx.bindMarker() != null) {
            return terms.marker(ctx.bindMarker());
        }
        return new RawTerm.TupleLiteral(terms.terms(ctx.term()));
    }
}
