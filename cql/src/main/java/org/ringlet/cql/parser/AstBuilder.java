package org.ringlet.cql.parser;

import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.error.SyntaxException;

import org.ringlet.cql.ast.Operator;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.grammar.CqlParser;

/**
 * Builds the AST of one statement from its parse tree. Children are built in the order they appear in the text,
 * so bind markers get their indexes in order of appearance. Not thread-safe: one instance per parse.
 */
final class AstBuilder {
    private final TermBuilder terms = new TermBuilder();
    private final SelectBuilder selects = new SelectBuilder(terms);
    private final DdlBuilder ddl = new DdlBuilder(terms);

    /** The bind markers of the statement built, in index order. */
    List<RawTerm.Marker> markers() {
        return terms.markers();
    }

    RawStatement statement(CqlParser.StatementContext ctx) {
        if (ctx.selectStatement() != null) {
            return selects.select(ctx.selectStatement());
        }
        if (ctx.insertStatement() != null) {
            return insert(ctx.insertStatement());
        }
        if (ctx.updateStatement() != null) {
            return update(ctx.updateStatement());
        }
        if (ctx.deleteStatement() != null) {
            return delete(ctx.deleteStatement());
        }
        if (ctx.batchStatement() != null) {
            return batch(ctx.batchStatement());
        }
        if (ctx.useStatement() != null) {
            return new RawStatement.Use(Names.keyspace(ctx.useStatement().keyspaceName()));
        }
        if (ctx.truncateStatement() != null) {
            return new RawStatement.Truncate(Names.table(ctx.truncateStatement().tableName()));
        }
        return ddl.statement(ctx);
    }

    private RawStatement.Insert insert(CqlParser.InsertStatementContext ctx) {
        List<String> columns = new ArrayList<>();
        ctx.ident().forEach(i -> columns.add(Names.ident(i)));
        RawTerm json = null;
        List<RawTerm> values = List.of();
        if (ctx.K_JSON() != null) {
            json = terms.term(ctx.term(0));
        } else {
            values = terms.terms(ctx.term());
        }
        RawStatement.Attributes attributes = attributes(ctx.usingClause());
        return new RawStatement.Insert(Names.table(ctx.tableName()), columns, values, json, ctx.K_UNSET() != null,
                ctx.ifNotExists() != null, attributes);
    }

    private RawStatement.Attributes attributes(CqlParser.UsingClauseContext ctx) {
        if (ctx == null) {
            return RawStatement.Attributes.NONE;
        }
        RawTerm timestamp = null;
        RawTerm ttl = null;
        for (CqlParser.UsingOptionContext o : ctx.usingOption()) {
            RawTerm t = selects.intValue(o.intValue());
            if (o.K_TIMESTAMP() != null) {
                timestamp = t;
            } else {
                ttl = t;
            }
        }
        return new RawStatement.Attributes(timestamp, ttl);
    }

    private RawStatement.Update update(CqlParser.UpdateStatementContext ctx) {
        RawStatement.Attributes attributes = attributes(ctx.usingClause());
        List<RawStatement.Assignment> assignments = new ArrayList<>();
        for (CqlParser.AssignmentContext a : ctx.assignment()) {
            RawStatement.Assignment assignment = assignment(a);
            for (RawStatement.Assignment previous : assignments) {
                if (previous.column().equals(assignment.column()) && !compatible(previous, assignment)) {
                    throw new SyntaxException("Multiple incompatible setting of column " + assignment.column());
                }
            }
            assignments.add(assignment);
        }
        return new RawStatement.Update(Names.table(ctx.tableName()), attributes, assignments,
                selects.where(ctx.whereClause()), conditions(ctx.updateConditions()));
    }

    /**
     * Cassandra's rule for two assignments of one column: setting the whole column goes with nothing else, one
     * field twice neither; elements and additions go together.
     */
    private static boolean compatible(RawStatement.Assignment a, RawStatement.Assignment b) {
        if (a instanceof RawStatement.SetValue || b instanceof RawStatement.SetValue) {
            return false;
        }
        return !(a instanceof RawStatement.SetField fa && b instanceof RawStatement.SetField fb
                && fa.field().equals(fb.field()));
    }

    private RawStatement.Assignment assignment(CqlParser.AssignmentContext ctx) {
        if (ctx instanceof CqlParser.SetAssignmentContext s) {
            return new RawStatement.SetValue(Names.ident(s.ident()), terms.term(s.term()));
        }
        if (ctx instanceof CqlParser.ColumnArithmeticAssignmentContext c) {
            return new RawStatement.ColumnArithmetic(Names.ident(c.ident(0)), Names.ident(c.ident(1)),
                    c.op.getText().charAt(0), terms.term(c.term()));
        }
        if (ctx instanceof CqlParser.PrependAssignmentContext p) {
            return new RawStatement.Prepend(Names.ident(p.ident(0)), terms.term(p.term()), Names.ident(p.ident(1)));
        }
        if (ctx instanceof CqlParser.CompoundAssignmentContext c) {
            return new RawStatement.CompoundAssignment(Names.ident(c.ident()), c.op.getText().charAt(0),
                    terms.term(c.term()));
        }
        if (ctx instanceof CqlParser.ElementAssignmentContext e) {
            return new RawStatement.SetElement(Names.ident(e.ident()), terms.term(e.term(0)), terms.term(e.term(1)));
        }
        CqlParser.FieldAssignmentContext f = (CqlParser.FieldAssignmentContext) ctx;
        return new RawStatement.SetField(Names.ident(f.ident(0)), Names.ident(f.ident(1)), terms.term(f.term()));
    }

    private RawStatement.Conditions conditions(CqlParser.UpdateConditionsContext ctx) {
        if (ctx == null) {
            return RawStatement.Conditions.NONE;
        }
        if (ctx.K_EXISTS() != null) {
            return new RawStatement.Conditions(true, List.of());
        }
        List<RawStatement.Condition> out = new ArrayList<>();
        for (CqlParser.ConditionContext c : ctx.condition()) {
            out.add(condition(c));
        }
        return new RawStatement.Conditions(false, out);
    }

    private RawStatement.Condition condition(CqlParser.ConditionContext ctx) {
        String column = Names.ident(ctx.ident(0));
        String field = ctx.DOT() != null ? Names.ident(ctx.ident(1)) : null;
        RawTerm element = ctx.LBRACKET() != null ? terms.term(ctx.term(0)) : null;
        if (ctx.K_CONTAINS() != null) {
            Operator op = ctx.K_KEY() != null ? Operator.CONTAINS_KEY : Operator.CONTAINS;
            return new RawStatement.Condition(column, null, null, op, List.of(terms.term(ctx.term(0))));
        }
        if (ctx.K_IN() != null) {
            CqlParser.InValuesContext v = ctx.inValues();
            List<RawTerm> values = v.bindMarker() != null ? List.of(terms.marker(v.bindMarker()))
                    : terms.terms(v.term());
            return new RawStatement.Condition(column, element, field, Operator.IN, values);
        }
        RawTerm value = terms.term(ctx.term(ctx.term().size() - 1));
        return new RawStatement.Condition(column, element, field, SelectBuilder.operator(ctx.relationOperator()),
                List.of(value));
    }

    private RawStatement.Delete delete(CqlParser.DeleteStatementContext ctx) {
        List<RawStatement.Deletion> deletions = new ArrayList<>();
        for (CqlParser.DeleteSelectionContext d : ctx.deleteSelection()) {
            String column = Names.ident(d.ident(0));
            if (d.LBRACKET() != null) {
                deletions.add(new RawStatement.Deletion(column, terms.term(d.term()), null));
            } else if (d.DOT() != null) {
                deletions.add(new RawStatement.Deletion(column, null, Names.ident(d.ident(1))));
            } else {
                deletions.add(new RawStatement.Deletion(column, null, null));
            }
        }
        RawTerm timestamp = ctx.K_TIMESTAMP() != null ? selects.intValue(ctx.intValue()) : null;
        return new RawStatement.Delete(Names.table(ctx.tableName()), deletions, timestamp,
                selects.where(ctx.whereClause()), conditions(ctx.updateConditions()));
    }

    private RawStatement.Batch batch(CqlParser.BatchStatementContext ctx) {
        RawStatement.BatchType type = ctx.K_UNLOGGED() != null ? RawStatement.BatchType.UNLOGGED
                : ctx.K_COUNTER() != null ? RawStatement.BatchType.COUNTER : RawStatement.BatchType.LOGGED;
        RawStatement.Attributes attributes = attributes(ctx.usingClause());
        List<RawStatement> children = new ArrayList<>();
        for (CqlParser.BatchChildContext c : ctx.batchChild()) {
            if (c.insertStatement() != null) {
                children.add(insert(c.insertStatement()));
            } else if (c.updateStatement() != null) {
                children.add(update(c.updateStatement()));
            } else {
                children.add(delete(c.deleteStatement()));
            }
        }
        return new RawStatement.Batch(type, attributes, children);
    }
}
