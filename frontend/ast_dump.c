/* ast_dump.c: the -ast-dump tree.
 *
 *   FunctionDef mean <3:1-7:22>
 *     param xs <3:10-3:12>
 *     body:
 *       Assign <4:5-4:16>
 *         Name total store <4:5-4:10>
 *         Float 0.0 <4:13-4:16>
 *
 * One node a line, two spaces a level, a label line before each group of
 * children whose role is not obvious from the node kind. */
#include "frontend/ast.h"

typedef struct Dumper {
	StrBuf *out;
	int depth;
} Dumper;

static void dump_expr(Dumper *d, const Expr *e);
static void dump_stmts(Dumper *d, const char *label, const StmtList *l);

static void indent(Dumper *d)
{
	for (int i = 0; i < d->depth; i++)
		sb_puts(d->out, "  ");
}

static void put_range(Dumper *d, SrcRange r)
{
	sb_printf(d->out, " <%d:%d-%d:%d>\n", r.line, r.col, r.end_line, r.end_col);
}

static void label(Dumper *d, const char *name)
{
	indent(d);
	sb_printf(d->out, "%s:\n", name);
}

/* Writes a string value as a Python literal, escaping what is not
 * printable ASCII so the dump is stable and one line. */
static void put_quoted(StrBuf *out, Str s)
{
	sb_putc(out, '\'');
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.s[i];
		switch (c) {
		case '\\': sb_puts(out, "\\\\"); break;
		case '\'': sb_puts(out, "\\'"); break;
		case '\n': sb_puts(out, "\\n"); break;
		case '\r': sb_puts(out, "\\r"); break;
		case '\t': sb_puts(out, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				sb_printf(out, "\\x%02x", c);
			else
				sb_putc(out, (char)c); /* UTF-8 passes through */
		}
	}
	sb_putc(out, '\'');
}

static const char *ctx_name(ExprCtx c)
{
	return c == CTX_STORE ? " store" : c == CTX_DEL ? " del" : "";
}

static void dump_child(Dumper *d, const char *name, const Expr *e)
{
	if (!e)
		return;
	d->depth++;
	if (name)
		label(d, name);
	d->depth += name != NULL;
	dump_expr(d, e);
	d->depth -= 1 + (name != NULL);
}

static void dump_exprs(Dumper *d, const char *name, const ExprList *l)
{
	if (l->len == 0)
		return;
	d->depth++;
	if (name)
		label(d, name);
	d->depth += name != NULL;
	for (int i = 0; i < l->len; i++)
		dump_expr(d, l->items[i]);
	d->depth -= 1 + (name != NULL);
}

static void dump_params(Dumper *d, const ParamList *l)
{
	d->depth++;
	for (int i = 0; i < l->len; i++) {
		const Param *p = l->items[i];
		indent(d);
		sb_printf(d->out, "param %s", p->name);
		put_range(d, p->range);
		dump_child(d, "default", p->default_value);
	}
	d->depth--;
}

static void dump_comprehensions(Dumper *d, const ComprehensionList *l)
{
	d->depth++;
	for (int i = 0; i < l->len; i++) {
		const Comprehension *c = l->items[i];
		indent(d);
		sb_puts(d->out, "for\n");
		dump_child(d, NULL, c->target);
		dump_child(d, "in", c->iter);
		dump_exprs(d, "if", &c->ifs);
	}
	d->depth--;
}

static void dump_expr(Dumper *d, const Expr *e)
{
	StrBuf *o = d->out;
	indent(d);
	sb_puts(o, expr_kind_name(e->kind));
	switch (e->kind) {
	case EXPR_NAME:
		sb_printf(o, " %s%s", e->u.name.id, ctx_name(e->u.name.ctx));
		break;
	case EXPR_INT:
		sb_printf(o, " %s", e->u.int_.digits);
		break;
	case EXPR_FLOAT:
		sb_printf(o, " %s", e->u.float_.text);
		break;
	case EXPR_STR:
		sb_putc(o, ' ');
		put_quoted(o, e->u.str);
		break;
	case EXPR_FORMATTED:
		if (e->u.formatted.conversion)
			sb_printf(o, " !%c", e->u.formatted.conversion);
		break;
	case EXPR_BOOLOP:
		sb_puts(o, e->u.boolop.op == BOOLOP_AND ? " and" : " or");
		break;
	case EXPR_BINOP:
		sb_printf(o, " %s", binop_symbol(e->u.binop.op));
		break;
	case EXPR_UNARYOP: {
		static const char *const names[] = {"-", "+", "~", "not"};
		sb_printf(o, " %s", names[e->u.unaryop.op]);
		break;
	}
	case EXPR_COMPARE:
		for (int i = 0; i < e->u.compare.ops.len; i++)
			sb_printf(o, " %s", cmpop_symbol(e->u.compare.ops.items[i]));
		break;
	case EXPR_ATTRIBUTE:
		sb_printf(o, " .%s%s", e->u.attribute.attr, ctx_name(e->u.attribute.ctx));
		break;
	case EXPR_SUBSCRIPT:
		sb_puts(o, ctx_name(e->u.subscript.ctx));
		break;
	case EXPR_LIST: case EXPR_TUPLE:
		sb_puts(o, ctx_name(e->u.seq.ctx));
		break;
	default:
		break;
	}
	put_range(d, e->range);
	switch (e->kind) {
	case EXPR_JOINEDSTR:
		dump_exprs(d, NULL, &e->u.joined.values);
		break;
	case EXPR_FORMATTED:
		dump_child(d, NULL, e->u.formatted.value);
		dump_child(d, "spec", e->u.formatted.spec);
		break;
	case EXPR_BOOLOP:
		dump_exprs(d, NULL, &e->u.boolop.values);
		break;
	case EXPR_BINOP:
		dump_child(d, NULL, e->u.binop.left);
		dump_child(d, NULL, e->u.binop.right);
		break;
	case EXPR_UNARYOP:
		dump_child(d, NULL, e->u.unaryop.operand);
		break;
	case EXPR_COMPARE:
		dump_child(d, NULL, e->u.compare.left);
		dump_exprs(d, NULL, &e->u.compare.comparators);
		break;
	case EXPR_IFEXP:
		dump_child(d, "test", e->u.ifexp.test);
		dump_child(d, "then", e->u.ifexp.body);
		dump_child(d, "else", e->u.ifexp.orelse);
		break;
	case EXPR_LAMBDA:
		dump_params(d, &e->u.lambda.params);
		dump_child(d, "body", e->u.lambda.body);
		break;
	case EXPR_CALL:
		dump_child(d, NULL, e->u.call.func);
		dump_exprs(d, "args", &e->u.call.args);
		d->depth++;
		for (int i = 0; i < e->u.call.keywords.len; i++) {
			const Keyword *k = e->u.call.keywords.items[i];
			indent(d);
			sb_printf(o, "keyword %s", k->name);
			put_range(d, k->range);
			dump_child(d, NULL, k->value);
		}
		d->depth--;
		break;
	case EXPR_ATTRIBUTE:
		dump_child(d, NULL, e->u.attribute.value);
		break;
	case EXPR_SUBSCRIPT:
		dump_child(d, NULL, e->u.subscript.value);
		dump_child(d, "index", e->u.subscript.index);
		break;
	case EXPR_SLICE:
		dump_child(d, "lower", e->u.slice.lower);
		dump_child(d, "upper", e->u.slice.upper);
		dump_child(d, "step", e->u.slice.step);
		break;
	case EXPR_LIST: case EXPR_TUPLE: case EXPR_SET:
		dump_exprs(d, NULL, &e->u.seq.elts);
		break;
	case EXPR_DICT:
		d->depth++;
		for (int i = 0; i < e->u.dict.keys.len; i++) {
			label(d, "item");
			dump_child(d, NULL, e->u.dict.keys.items[i]);
			dump_child(d, NULL, e->u.dict.values.items[i]);
		}
		d->depth--;
		break;
	case EXPR_LISTCOMP: case EXPR_SETCOMP: case EXPR_GENEXP: case EXPR_DICTCOMP:
		dump_child(d, e->kind == EXPR_DICTCOMP ? "key" : NULL, e->u.comp.key);
		dump_child(d, e->kind == EXPR_DICTCOMP ? "value" : NULL, e->u.comp.elt);
		dump_comprehensions(d, &e->u.comp.generators);
		break;
	default:
		break;
	}
}

static void dump_stmt(Dumper *d, const Stmt *s)
{
	StrBuf *o = d->out;
	indent(d);
	sb_puts(o, stmt_kind_name(s->kind));
	switch (s->kind) {
	case STMT_FUNCTIONDEF:
		sb_printf(o, " %s", s->u.funcdef.name);
		break;
	case STMT_AUGASSIGN:
		sb_printf(o, " %s=", binop_symbol(s->u.augassign.op));
		break;
	case STMT_IMPORTFROM:
		sb_printf(o, " %s", s->u.importfrom.module);
		break;
	default:
		break;
	}
	put_range(d, s->range);
	switch (s->kind) {
	case STMT_FUNCTIONDEF:
		dump_params(d, &s->u.funcdef.params);
		dump_stmts(d, "body", &s->u.funcdef.body);
		break;
	case STMT_RETURN:
		dump_child(d, NULL, s->u.ret.value);
		break;
	case STMT_ASSIGN:
		dump_exprs(d, "targets", &s->u.assign.targets);
		dump_child(d, "value", s->u.assign.value);
		break;
	case STMT_AUGASSIGN:
		dump_child(d, NULL, s->u.augassign.target);
		dump_child(d, NULL, s->u.augassign.value);
		break;
	case STMT_EXPR:
		dump_child(d, NULL, s->u.expr.value);
		break;
	case STMT_IF: case STMT_WHILE:
		dump_child(d, "test", s->u.cond.test);
		dump_stmts(d, "body", &s->u.cond.body);
		dump_stmts(d, "else", &s->u.cond.orelse);
		break;
	case STMT_FOR:
		dump_child(d, "target", s->u.for_.target);
		dump_child(d, "iter", s->u.for_.iter);
		dump_stmts(d, "body", &s->u.for_.body);
		dump_stmts(d, "else", &s->u.for_.orelse);
		break;
	case STMT_TRY:
		dump_stmts(d, "body", &s->u.try_.body);
		d->depth++;
		for (int i = 0; i < s->u.try_.handlers.len; i++) {
			const ExceptHandler *h = s->u.try_.handlers.items[i];
			indent(d);
			sb_puts(o, "except");
			if (h->name)
				sb_printf(o, " as %s", h->name);
			put_range(d, h->range);
			dump_child(d, NULL, h->type);
			dump_stmts(d, "body", &h->body);
		}
		d->depth--;
		dump_stmts(d, "else", &s->u.try_.orelse);
		dump_stmts(d, "finally", &s->u.try_.finalbody);
		break;
	case STMT_RAISE:
		dump_child(d, NULL, s->u.raise.exc);
		dump_child(d, "from", s->u.raise.cause);
		break;
	case STMT_WITH:
		d->depth++;
		for (int i = 0; i < s->u.with.items.len; i++) {
			const WithItem *w = s->u.with.items.items[i];
			label(d, "item");
			dump_child(d, NULL, w->context);
			dump_child(d, "as", w->target);
		}
		d->depth--;
		dump_stmts(d, "body", &s->u.with.body);
		break;
	case STMT_DELETE:
		dump_exprs(d, NULL, &s->u.delete_.targets);
		break;
	case STMT_ASSERT:
		dump_child(d, NULL, s->u.assert_.test);
		dump_child(d, "msg", s->u.assert_.msg);
		break;
	case STMT_IMPORT: case STMT_IMPORTFROM: {
		const AliasList *l = s->kind == STMT_IMPORT ? &s->u.import.names
		                                            : &s->u.importfrom.names;
		d->depth++;
		for (int i = 0; i < l->len; i++) {
			indent(d);
			sb_printf(o, "alias %s", l->items[i]->name);
			if (l->items[i]->asname)
				sb_printf(o, " as %s", l->items[i]->asname);
			put_range(d, l->items[i]->range);
		}
		d->depth--;
		break;
	}
	default:
		break;
	}
}

static void dump_stmts(Dumper *d, const char *name, const StmtList *l)
{
	if (l->len == 0)
		return;
	d->depth++;
	label(d, name);
	d->depth++;
	for (int i = 0; i < l->len; i++)
		dump_stmt(d, l->items[i]);
	d->depth -= 2;
}

void ast_dump_expr(StrBuf *out, const Expr *e, int depth)
{
	Dumper d = {out, depth};
	dump_expr(&d, e);
}

void ast_dump(StrBuf *out, const Module *m)
{
	Dumper d = {out, 0};
	sb_puts(out, "Module\n");
	d.depth = 1;
	for (int i = 0; i < m->body.len; i++)
		dump_stmt(&d, m->body.items[i]);
}
