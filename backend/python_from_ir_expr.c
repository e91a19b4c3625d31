/* python_from_ir_expr.c: expressions written back from instructions.
 *
 * A folded value is written where it is used; any other is read by the
 * name that holds it (python_from_ir.c). Operands that are not atoms are
 * parenthesized, so the text needs no precedence table and parses as the
 * tree it came from. */
#include "backend/python_from_ir.h"

#include <stdio.h>

const char *pg_cell_name(const Instr *cell)
{
	return cell->op == OP_CELL_NEW ? cell->imm.name : cell->name;
}

static void put_str(StrBuf *o, const char *s, size_t n)
{
	sb_putc(o, '\'');
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];
		if (c == '\\' || c == '\'')
			sb_printf(o, "\\%c", c);
		else if (c == '\n')
			sb_puts(o, "\\n");
		else if (c == '\r')
			sb_puts(o, "\\r");
		else if (c == '\t')
			sb_puts(o, "\\t");
		else if (c < 0x20 || c == 0x7f)
			sb_printf(o, "\\x%02x", c);
		else
			sb_putc(o, (char)c);  /* UTF-8 passes through */
	}
	sb_putc(o, '\'');
}

void pg_put_const(StrBuf *o, const Constant *c)
{
	switch (c->kind) {
	case K_NONE: sb_puts(o, "None"); break;
	case K_TRUE: sb_puts(o, "True"); break;
	case K_FALSE: sb_puts(o, "False"); break;
	case K_INT:
		sb_printf(o, "%s%s", c->negative ? "-" : "", c->digits ? c->digits : "0");
		if (!c->digits)
			sb_printf(o, "%s", "");
		break;
	case K_FLOAT: {
		char buf[32];
		float_repr(c->f, buf);
		if (strcmp(buf, "inf") == 0 || strcmp(buf, "-inf") == 0 || strcmp(buf, "nan") == 0)
			sb_printf(o, "float('%s')", buf);
		else
			sb_puts(o, buf);
		break;
	}
	case K_STR: put_str(o, c->s.s, (size_t)c->s.len); break;
	}
}

bool pg_reads_name(PyGen *g, Instr *v, const char *n)
{
	if (!n)
		return false;
	if (v->op == OP_UNDEF)
		return strcmp(v->imm.name, n) == 0;
	if (!g->fold[v->id])
		return g->home[v->id] && strcmp(g->home[v->id], n) == 0;
	switch (v->op) {
	case OP_BUILTIN: case OP_LOAD_GLOBAL: case OP_SLOT_LOAD:
		return strcmp(v->imm.name, n) == 0;
	case OP_CELL_LOAD:
		return strcmp(pg_cell_name(v->args.items[0]), n) == 0;
	default:
		break;
	}
	for (int a = 0; a < v->args.len; a++)
		if (pg_reads_name(g, v->args.items[a], n))
			return true;
	return false;
}

void pg_expr(PyGen *g, StrBuf *o, Instr *v, bool atom)
{
	if (v->op != OP_UNDEF && v->id > 0 && v->id < g->nids && g->fold[v->id]) {
		pg_render(g, o, v, atom);
		return;
	}
	const char *n = pg_name_of(g, v);
	if (!n) {
		pg_fail(g, "a value has no name where it is read");
		sb_puts(o, "_missing");
		return;
	}
	sb_puts(o, n);
}

static void put_args(PyGen *g, StrBuf *o, const Instr *v, int from)
{
	int nargs = v->args.len;
	for (int a = from; a < nargs; a++) {
		if (a > from)
			sb_puts(o, ", ");
		int kw = a - (nargs - v->nkw);
		if (kw >= 0)
			sb_printf(o, "%s=", v->kwnames[kw]);
		pg_expr(g, o, v->args.items[a], false);
	}
}

/* A subscript's index: a folded slice is written a:b:c. */
static void put_index(PyGen *g, StrBuf *o, Instr *idx)
{
	if (idx->op != OP_SLICE || !g->fold[idx->id]) {
		pg_expr(g, o, idx, false);
		return;
	}
	int n = idx->args.len;
	Instr *step = n == 3 ? idx->args.items[2] : NULL;
	if (step && step->op == OP_CONST && step->imm.constant.kind == K_NONE)
		n = 2;  /* a[i:j], not a[i:j:] */
	for (int a = 0; a < n; a++) {
		Instr *p = idx->args.items[a];
		if (a)
			sb_putc(o, ':');
		if (!(p->op == OP_CONST && p->imm.constant.kind == K_NONE))
			pg_expr(g, o, p, true);
	}
}

static void open_paren(StrBuf *o, bool atom) { if (atom) sb_putc(o, '('); }
static void close_paren(StrBuf *o, bool atom) { if (atom) sb_putc(o, ')'); }

static void put_seq(PyGen *g, StrBuf *o, const Instr *v, const char *open, const char *close)
{
	sb_puts(o, open);
	for (int a = 0; a < v->args.len; a++) {
		if (a)
			sb_puts(o, ", ");
		pg_expr(g, o, v->args.items[a], false);
	}
	if (v->op == OP_BUILD_TUPLE && v->args.len == 1)
		sb_putc(o, ',');
	sb_puts(o, close);
}

static void put_format(PyGen *g, StrBuf *o, Instr *v)
{
	/* format(x, spec), with the conversion applied first, is what an
	 * f-string replacement field does */
	sb_puts(o, "format(");
	const char *conv = v->imm.index == 'r' ? "repr" : v->imm.index == 's' ? "str"
	                 : v->imm.index == 'a' ? "ascii" : NULL;
	if (conv)
		sb_printf(o, "%s(", conv);
	pg_expr(g, o, v->args.items[0], false);
	if (conv)
		sb_putc(o, ')');
	if (v->args.len > 1) {
		sb_puts(o, ", ");
		pg_expr(g, o, v->args.items[1], false);
	}
	sb_putc(o, ')');
}

/* An f-string: literal parts and replacement fields. Fields whose text
 * holds a quote or a backslash (3.11 allows neither inside) fall back to
 * joining the formatted parts. */
static void put_join(PyGen *g, StrBuf *o, Instr *v)
{
	StrBuf f;
	sb_init(&f);
	bool ok = true;
	sb_puts(&f, "f'");
	for (int a = 0; a < v->args.len && ok; a++) {
		Instr *p = v->args.items[a];
		if (p->op == OP_CONST && p->imm.constant.kind == K_STR && g->fold[p->id]) {
			StrBuf lit;
			sb_init(&lit);
			put_str(&lit, p->imm.constant.s.s, (size_t)p->imm.constant.s.len);
			for (size_t k = 1; k + 1 < lit.len; k++) {
				char c = lit.data[k];
				if (c == '{' || c == '}')
					sb_putc(&f, c);
				sb_putc(&f, c);
			}
			sb_free(&lit);
			continue;
		}
		StrBuf e;
		sb_init(&e);
		bool field = p->op == OP_FORMAT && g->fold[p->id];
		Instr *x = field ? p->args.items[0] : p;
		pg_expr(g, &e, x, true);
		StrBuf spec;
		sb_init(&spec);
		if (field && p->args.len > 1) {
			Instr *s = p->args.items[1];
			if (s->op == OP_CONST && s->imm.constant.kind == K_STR && g->fold[s->id])
				put_str(&spec, s->imm.constant.s.s, (size_t)s->imm.constant.s.len);
			else
				ok = false;
		}
		ok = ok && !strpbrk(e.data ? e.data : "", "'\\{}\n") &&
		     !strpbrk(spec.data ? spec.data : "", "\\{}");
		if (ok) {
			sb_printf(&f, "{%s", e.data ? e.data : "");
			if (field && p->imm.index)
				sb_printf(&f, "!%c", p->imm.index);
			if (spec.len > 2) {
				sb_putc(&f, ':');
				sb_append(&f, spec.data + 1, spec.len - 2);
			}
			sb_putc(&f, '}');
		}
		sb_free(&e);
		sb_free(&spec);
		if (!field)
			ok = false;  /* a bare str part that is not a literal */
	}
	sb_putc(&f, '\'');
	if (ok) {
		sb_append(o, f.data, f.len);
	} else {
		sb_puts(o, "''.join((");
		for (int a = 0; a < v->args.len; a++) {
			pg_expr(g, o, v->args.items[a], false);
			sb_puts(o, ", ");
		}
		sb_puts(o, "))");
	}
	sb_free(&f);
}

static const char *unary_text[] = {"-", "+", "~", "not "};

void pg_render(PyGen *g, StrBuf *o, Instr *v, bool atom)
{
	switch (v->op) {
	case OP_CONST: {
		bool neg = (v->imm.constant.kind == K_INT && v->imm.constant.negative) ||
		           (v->imm.constant.kind == K_FLOAT && v->imm.constant.f < 0);
		open_paren(o, atom && neg);
		pg_put_const(o, &v->imm.constant);
		close_paren(o, atom && neg);
		break;
	}
	case OP_BUILTIN: case OP_LOAD_GLOBAL: case OP_SLOT_LOAD:
		sb_puts(o, v->imm.name);
		break;
	case OP_CELL_LOAD:
		sb_puts(o, pg_cell_name(v->args.items[0]));
		break;
	case OP_BINOP:
		open_paren(o, atom);
		pg_expr(g, o, v->args.items[0], true);
		sb_printf(o, " %s ", binop_symbol(v->imm.binop));
		pg_expr(g, o, v->args.items[1], true);
		close_paren(o, atom);
		break;
	case OP_UNARY:
		open_paren(o, atom);
		sb_puts(o, unary_text[v->imm.unary]);
		pg_expr(g, o, v->args.items[0], true);
		close_paren(o, atom);
		break;
	case OP_COMPARE:
		open_paren(o, atom);
		pg_expr(g, o, v->args.items[0], true);
		sb_printf(o, " %s ", cmpop_symbol(v->imm.cmp));
		pg_expr(g, o, v->args.items[1], true);
		close_paren(o, atom);
		break;
	case OP_CALL:
		pg_expr(g, o, v->args.items[0], true);
		sb_putc(o, '(');
		put_args(g, o, v, 1);
		sb_putc(o, ')');
		break;
	case OP_CALL_METHOD:
		pg_expr(g, o, v->args.items[0], true);
		sb_printf(o, ".%s(", v->imm.name);
		put_args(g, o, v, 1);
		sb_putc(o, ')');
		break;
	case OP_GETATTR: {
		Instr *obj = v->args.items[0];
		bool num = obj->op == OP_CONST && g->fold[obj->id];
		open_paren(o, num);
		pg_expr(g, o, obj, true);
		close_paren(o, num);
		sb_printf(o, ".%s", v->imm.name);
		break;
	}
	case OP_GETITEM:
		pg_expr(g, o, v->args.items[0], true);
		sb_putc(o, '[');
		put_index(g, o, v->args.items[1]);
		sb_putc(o, ']');
		break;
	case OP_SLICE:
		sb_puts(o, "slice(");
		put_args(g, o, v, 0);
		sb_putc(o, ')');
		break;
	case OP_BUILD_LIST: put_seq(g, o, v, "[", "]"); break;
	case OP_BUILD_TUPLE: put_seq(g, o, v, "(", ")"); break;
	case OP_BUILD_SET:
		if (v->args.len)
			put_seq(g, o, v, "{", "}");
		else
			sb_puts(o, "set()");
		break;
	case OP_BUILD_DICT:
		sb_putc(o, '{');
		for (int a = 0; a + 1 < v->args.len; a += 2) {
			if (a)
				sb_puts(o, ", ");
			pg_expr(g, o, v->args.items[a], true);
			sb_puts(o, ": ");
			pg_expr(g, o, v->args.items[a + 1], true);
		}
		sb_putc(o, '}');
		break;
	case OP_ITER:
		sb_puts(o, "iter(");
		pg_expr(g, o, v->args.items[0], false);
		sb_putc(o, ')');
		break;
	case OP_FORMAT: put_format(g, o, v); break;
	case OP_JOIN_STR: put_join(g, o, v); break;
	default:
		pg_fail(g, "an instruction has no expression form");
		sb_printf(o, "_unsupported_%s", ir_op_name(v->op));
		break;
	}
}
