/* python_from_ir_stmt.c: one instruction as a Python statement, the
 * module's name bindings at the end of a statement, and `def`s. The
 * control flow around them is python_from_ir_flow.c's. */
#include "backend/python_from_ir.h"

#include <stdio.h>
#include <stdlib.h>

/* Starts a line; the first one of a new source line gets `# line N`. */
void pg_indent(PyGen *g)
{
	if (g->want_line > 0 && g->want_line != g->last_line) {
		g->last_line = g->want_line;
		for (int k = 0; k < g->depth; k++)
			sb_puts(g->out, "    ");
		sb_printf(g->out, "# line %d\n", g->want_line);
	}
	for (int k = 0; k < g->depth; k++)
		sb_puts(g->out, "    ");
}

void pg_line_comment(PyGen *g, const Instr *i)
{
	if (i->loc.line > 0)
		g->want_line = i->loc.line;
}

static bool has_region(const Function *f, int stmt)
{
	for (int k = 0; k < f->regions.len; k++)
		if (f->regions.items[k]->stmt == stmt)
			return true;
	return false;
}

/* The module's `y = x`: a name bound to a value made elsewhere has no
 * instruction; at the end of a simple statement, bind every name the
 * statement binds that does not hold its value yet. Compound statements
 * join their names in vars, which the copies assign. */
static bool bind_stmt(PyGen *g, int s);

bool pg_end_stmt(PyGen *g, int next)
{
	Function *f = g->f;
	if (!f->is_module || g->cur_stmt == next || g->dead || g->cur_stmt < 0)
		return true;
	int upto = next >= 0 ? next : g->task ? g->last + 1 : f->nstmts;
	for (int s = g->cur_stmt; s < upto; s++)
		if (!bind_stmt(g, s))
			return false;
	g->cur_stmt = next;
	return true;
}

static bool bind_stmt(PyGen *g, int s)
{
	Function *f = g->f;
	if (has_region(f, s) || !g->state)
		return true;
	if (g->task && (s < g->first || s > g->last || (s < g->part->nstmts && g->part->hoisted[s])))
		return true;
	for (int k = 0; k < f->binds.len; k++) {
		const Binding *bd = &f->binds.items[k];
		if (bd->stmt != s)
			continue;
		Instr *v = ir_resolve(bd->value);
		int j = pg_name_index(g, bd->name, false);
		if (j >= 0 && g->state[j] == v->id)
			continue;
		if (v->op == OP_UNDEF)
			return pg_fail(g, "deletes a variable (del)");
		StrBuf e;
		sb_init(&e);
		pg_expr(g, &e, v, false);
		pg_indent(g);
		sb_printf(g->out, "%s = %s\n", bd->name, e.data ? e.data : "");
		sb_free(&e);
		pg_note_global(g, bd->name);
		if (j >= 0)
			g->state[j] = v->id;
	}
	return true;
}

void pg_set_dead(PyGen *g)
{
	free(g->state);
	g->state = NULL;
	g->dead = true;
}

Region *pg_region_at(PyGen *g, Block *b, int kind1, int kind2)
{
	for (int k = 0; k < g->f->regions.len; k++) {
		Region *r = g->f->regions.items[k];
		if (r->head == b && ((int)r->kind == kind1 || (int)r->kind == kind2))
			return r;
	}
	return NULL;
}

bool pg_is_label(const Block *b, const char *l)
{
	return b && b->label && strcmp(b->label, l) == 0;
}

/* ---- one instruction as a statement ---- */

static void assign(PyGen *g, const char *name, Instr *v)
{
	StrBuf e;
	sb_init(&e);
	pg_expr(g, &e, v, false);
	if (!e.data || strcmp(e.data, name) != 0) {
		pg_indent(g);
		sb_printf(g->out, "%s = %s\n", name, e.data ? e.data : "");
	}
	sb_free(&e);
}

static void note_home(PyGen *g, Instr *v)
{
	if (!g->is_temp[v->id])
		pg_note_global(g, g->home[v->id]);
	pg_note_global(g, g->bind[v->id]);
}

void pg_put_bind(PyGen *g, Instr *v)
{
	if (g->bind[v->id]) {
		pg_indent(g);
		sb_printf(g->out, "%s = %s\n", g->bind[v->id], g->home[v->id]);
	}
}

static bool emit_unpack(PyGen *g, Instr *u)
{
	int n = u->imm.index;
	Instr **ex = xcalloc((size_t)n + 1, sizeof *ex);
	Function *f = g->f;
	for (int b = 0; b < f->blocks.len; b++)
		for (int k = 0; k < f->blocks.items[b]->instrs.len; k++) {
			Instr *x = f->blocks.items[b]->instrs.items[k];
			if (x->op == OP_EXTRACT && x->args.items[0] == u && x->imm.index < n)
				ex[x->imm.index] = x;
		}
	pg_indent(g);
	for (int k = 0; k < n; k++)
		sb_printf(g->out, "%s%s", k ? ", " : "", ex[k] ? g->home[ex[k]->id] : "_");
	sb_puts(g->out, n == 1 ? ", = " : " = ");
	pg_expr(g, g->out, u->args.items[0], false);
	sb_putc(g->out, '\n');
	for (int k = 0; k < n; k++)
		if (ex[k]) {
			note_home(g, ex[k]);
			pg_put_bind(g, ex[k]);
			/* what pg_transfer does for a value, at the unpacking */
			g->fold[ex[k]->id] = false;
		}
	for (int k = 0; k < n; k++)
		if (ex[k] && g->state) {
			int j = pg_name_index(g, g->home[ex[k]->id], false);
			if (j >= 0)
				g->state[j] = ex[k]->id;
			j = g->bind[ex[k]->id] ? pg_name_index(g, g->bind[ex[k]->id], false) : -1;
			if (j >= 0)
				g->state[j] = ex[k]->id;
		}
	free(ex);
	return true;
}

static bool emit_def(PyGen *g, Instr *mf)
{
	Function *fn = mf->imm.fn;
	const char *name = pg_is_ident(fn->name) ? fn->name : g->home[mf->id];
	if (!pg_emit_nested(g, fn, name, mf))
		return false;
	if (strcmp(name, g->home[mf->id]) != 0) {
		pg_indent(g);
		sb_printf(g->out, "%s = %s\n", g->home[mf->id], name);
	}
	note_home(g, mf);
	pg_put_bind(g, mf);
	return true;
}

static bool in_withs(const PyGen *g, const Instr *mgr)
{
	for (int k = 0; k < g->nwiths; k++)
		if (g->withs[k] == mgr)
			return true;
	return false;
}

static bool emit_value(PyGen *g, Instr *i)
{
	const char *h = g->home[i->id];
	switch (i->op) {
	case OP_PARAM: case OP_CELL_NEW: case OP_EXTRACT:
		return true;
	case OP_UNDEF:
		return pg_fail(g, "deletes a variable (del, or the end of an except clause)");
	case OP_UNPACK:
		return emit_unpack(g, i);
	case OP_MAKE_FUNCTION:
		return emit_def(g, i);
	case OP_CUR_EXC: case OP_EXC_MATCH:
		return pg_fail(g, "try statements are not rebuilt");
	case OP_ITERNEXT: case OP_WITH_ENTER:
		return pg_fail(g, "an iternext or with_enter outside its statement");
	case OP_YIELD:
		break;
	case OP_CALL_DIRECT:
		return pg_fail(g, "call_direct is not written back");
	case OP_IMPORT:
		pg_indent(g);
		if (strcmp(h, i->imm.name) == 0)
			sb_printf(g->out, "import %s\n", h);
		else
			sb_printf(g->out, "import %s as %s\n", i->imm.name, h);
		note_home(g, i);
		pg_put_bind(g, i);
		return true;
	default:
		break;
	}
	if (i->op == OP_BINOP && i->inplace) {
		/* x += y: in place for lists, so never x = x + y */
		assign(g, h, i->args.items[0]);
		pg_indent(g);
		sb_printf(g->out, "%s %s= ", h, binop_symbol(i->imm.binop));
		pg_expr(g, g->out, i->args.items[1], false);
		sb_putc(g->out, '\n');
	} else if (g->uses[i->id] == 0 && g->is_temp[i->id] && !g->bind[i->id]) {
		pg_indent(g);
		pg_render(g, g->out, i, false);
		sb_putc(g->out, '\n');
	} else {
		pg_indent(g);
		sb_printf(g->out, "%s = ", h);
		pg_render(g, g->out, i, false);
		sb_putc(g->out, '\n');
	}
	note_home(g, i);
	pg_put_bind(g, i);
	return true;
}

static bool emit_copy(PyGen *g, Instr *c)
{
	Instr *src = c->args.items[0];
	const char *h = g->home[c->dest->id];
	if (src->op == OP_UNDEF) {
		/* the variable stays unbound: only if its name is unbound here */
		int k = pg_name_index(g, src->imm.name, false);
		if (strcmp(h, src->imm.name) != 0)
			return pg_fail(g, "a possibly unbound variable is renamed");
		if (g->state && (k < 0 || g->state[k] != HOLD_UNBOUND))
			return pg_fail(g, "a variable is unbound on one path and bound to another "
			               "value on the way there");
		return true;
	}
	assign(g, h, src);
	if (!g->is_temp[c->dest->id])
		pg_note_global(g, h);
	return true;
}

static bool emit_instr(PyGen *g, Instr *i)
{
	if (ir_has_value(i->op)) {
		if (!pg_is_stmt(g, i))
			return true;
		if (i->op != OP_PARAM && i->op != OP_CELL_NEW && i->op != OP_EXTRACT)
			pg_line_comment(g, i);
		return emit_value(g, i);
	}
	if (i->op != OP_COPY)  /* a copy has the position of its phi */
		pg_line_comment(g, i);
	StrBuf *o = g->out;
	switch (i->op) {
	case OP_COPY:
		return emit_copy(g, i);
	case OP_STORE_GLOBAL: case OP_SLOT_STORE:
		if (i->args.items[0]->op == OP_UNDEF)
			return pg_fail(g, "deletes a variable (del, or the end of an except clause)");
		pg_note_global(g, i->imm.name);
		assign(g, i->imm.name, i->args.items[0]);
		return true;
	case OP_CELL_STORE:
		if (i->args.items[1]->op == OP_UNDEF)
			return pg_fail(g, "deletes a variable captured by a nested function");
		assign(g, pg_cell_name(i->args.items[0]), i->args.items[1]);
		return true;
	case OP_SETATTR:
		pg_indent(g);
		pg_expr(g, o, i->args.items[0], true);
		sb_printf(o, ".%s = ", i->imm.name);
		pg_expr(g, o, i->args.items[1], false);
		break;
	case OP_SETITEM: case OP_DICT_PUT:
		pg_indent(g);
		pg_expr(g, o, i->args.items[0], true);
		sb_putc(o, '[');
		pg_expr(g, o, i->args.items[1], false);
		sb_puts(o, "] = ");
		pg_expr(g, o, i->args.items[2], false);
		break;
	case OP_DELITEM:
		pg_indent(g);
		sb_puts(o, "del ");
		pg_expr(g, o, i->args.items[0], true);
		sb_putc(o, '[');
		pg_expr(g, o, i->args.items[1], false);
		sb_putc(o, ']');
		break;
	case OP_DELATTR:
		pg_indent(g);
		sb_puts(o, "del ");
		pg_expr(g, o, i->args.items[0], true);
		sb_printf(o, ".%s", i->imm.name);
		break;
	case OP_LIST_APPEND: case OP_SET_ADD:
		pg_indent(g);
		pg_expr(g, o, i->args.items[0], true);
		sb_puts(o, i->op == OP_LIST_APPEND ? ".append(" : ".add(");
		pg_expr(g, o, i->args.items[1], false);
		sb_putc(o, ')');
		break;
	case OP_YIELD:
		pg_indent(g);
		sb_puts(o, "yield ");
		pg_expr(g, o, i->args.items[0], false);
		break;
	case OP_WITH_EXIT:
		if (!in_withs(g, i->args.items[0]))
			return pg_fail(g, "a with statement's exit outside it");
		return true;
	default:
		return pg_fail(g, "an instruction has no statement form");
	}
	sb_putc(o, '\n');
	return true;
}

/* Writes i and updates the names it assigns. */
bool pg_do_instr(PyGen *g, Instr *i)
{
	if (!pg_end_stmt(g, i->stmt))
		return false;
	if (!emit_instr(g, i))
		return false;
	pg_transfer(g, i);
	return true;
}

/* ---- functions ---- */

bool pg_emit_function(PyGen *g, Function *fn, const char *defname, Instr *made)
{
	const char *name = defname ? defname : fn->name;
	if (!pg_is_ident(name))
		return pg_fail(g, "a function without a Python name");
	for (int k = 0; k < fn->regions.len; k++)
		if (fn->regions.items[k]->kind == RG_TRY)
			return pg_fail(g, "try statements are not rebuilt");
	Block *entry = fn->blocks.items[0];
	StrBuf *out = g->out;
	StrBuf body;
	sb_init(&body);
	g->out = &body;
	g->depth++;
	bool ok = pg_function_body(g);
	/* a parameter read after its name is reassigned: keep it aside first */
	StrBuf keep;
	sb_init(&keep);
	for (int k = 0; k < entry->instrs.len; k++) {
		Instr *p = entry->instrs.items[k];
		if (p->op == OP_PARAM && p->imm.index < fn->nparams && g->bind[p->id]) {
			for (int d = 0; d < g->depth; d++)
				sb_puts(&keep, "    ");
			sb_printf(&keep, "%s = %s\n", g->home[p->id], g->bind[p->id]);
		}
	}
	g->depth--;
	g->out = out;
	/* the parameters, with their defaults (for the last ones) */
	Instr **params = xcalloc((size_t)fn->nparams + 1, sizeof *params);
	for (int k = 0; k < entry->instrs.len; k++) {
		Instr *p = entry->instrs.items[k];
		if (p->op == OP_PARAM && p->imm.index < fn->nparams)
			params[p->imm.index] = p;
	}
	int ndef = made ? made->args.len - fn->freevars.len : 0;
	StrBuf head;
	sb_init(&head);
	sb_printf(&head, "def %s(", name);
	bool hok = true;
	for (int k = 0; k < fn->nparams; k++) {
		if (!params[k]) {
			hok = pg_fail(g, "a parameter without its value");
			break;
		}
		sb_printf(&head, "%s%s", k ? ", " : "", g->bind[params[k]->id] ?
		          g->bind[params[k]->id] : g->home[params[k]->id]);
		int d = k - (fn->nparams - ndef);
		if (d >= 0) {
			Instr *v = made->args.items[d];
			if (v->op != OP_CONST)
				hok = pg_fail(g, "a default that is not a constant");
			else {
				sb_putc(&head, '=');
				pg_put_const(&head, &v->imm.constant);
			}
		}
	}
	sb_puts(&head, "):\n");
	free(params);
	ok = ok && hok;
	if (ok) {
		pg_indent(g);
		sb_append(out, head.data, head.len);
		/* names it assigns outside itself */
		for (int b = 0; b < fn->blocks.len; b++)
			for (int k = 0; k < fn->blocks.items[b]->instrs.len; k++) {
				Instr *i = fn->blocks.items[b]->instrs.items[k];
				const char *kw = i->op == OP_STORE_GLOBAL ? "global" :
				                 i->op == OP_CELL_STORE && i->args.items[0]->op == OP_PARAM
				                 ? "nonlocal" : NULL;
				if (kw) {
					g->depth++;
					pg_indent(g);
					g->depth--;
					sb_printf(out, "%s %s\n", kw, i->op == OP_STORE_GLOBAL ? i->imm.name :
					          pg_cell_name(i->args.items[0]));
				}
			}
		sb_append(out, keep.data ? keep.data : "", keep.len);
		sb_append(out, body.data, body.len);
		if (!body.len) {
			g->depth++;
			pg_indent(g);
			g->depth--;
			sb_puts(out, "pass\n");
		}
	}
	sb_free(&head);
	sb_free(&body);
	sb_free(&keep);
	return ok;
}
