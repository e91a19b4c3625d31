/* python_from_ir.c: Python source regenerated from the out-of-SSA IR.
 *
 * The -emit-from-ir mode of the task emitter, and -print-python. Each
 * function, and each task's run of module statements, is written back as
 * Python from its IR: the structured statements rebuilt from the recorded
 * Regions (python_from_ir_stmt.c), expressions from the instructions
 * (python_from_ir_expr.c). Anything it cannot rebuild faithfully makes it
 * give up with a reason, and the caller copies the source text instead.
 *
 * Names. A value the source assigned to a variable keeps that name as its
 * "home" (`x = 1`); vars (the phis out of SSA) keep theirs too; anything
 * else is a temporary `_t<id>`, unique per value. A name can only stand
 * for a value where the Python variable really still holds it: `y = x;
 * x = 2; print(y)` reads the first value after x changed. A forward
 * analysis (the holds analysis) tracks, along the rebuilt statements, the
 * value each name holds; a read whose home was overwritten moves that
 * value into a temporary (and still binds the name after it, so the
 * variable is bound where the source binds it), and the analysis runs
 * again until every read finds its value.
 *
 * Folding. A temporary used once, in the same block, is written into its
 * use instead of being assigned, when that keeps Python's left-to-right
 * evaluation order exactly. The rule (plan_block): walking a block in
 * order, the folded values waiting for their use form a stack, as the
 * operands of one expression tree do; an instruction must take its folded
 * operands from the top of that stack in operand order, or they are
 * assigned to temporaries where they are. When a statement runs between a
 * folded value and its use, the value is assigned to a temporary unless
 * neither can raise nor has an effect and the statement does not assign a
 * name the value reads. Constants and builtin names are always folded:
 * they neither raise nor depend on anything that runs. Values bound to a
 * source name are never folded (the binding must happen). */
#include "backend/python_from_ir.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

bool pg_fail(PyGen *g, const char *why)
{
	if (!g->why)
		g->why = why;
	return false;
}

bool pg_in_range(const PyGen *g, const Instr *i)
{
	if (!g->task)
		return true;
	/* hoisted statements are written once, at the top of tasks.py */
	return i->stmt >= g->first && i->stmt <= g->last &&
	       !(g->part->hoisted && i->stmt < g->part->nstmts && g->part->hoisted[i->stmt]);
}

bool pg_is_ident(const char *s)
{
	if (!s || !*s || !(isalpha((unsigned char)*s) || *s == '_' || (unsigned char)*s >= 0x80))
		return false;
	for (const char *p = s; *p; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_' || (unsigned char)*p >= 0x80))
			return false;
	return true;
}

int pg_name_index(PyGen *g, const char *name, bool add)
{
	for (int k = 0; k < g->names.len; k++)
		if (strcmp(g->names.items[k], name) == 0)
			return k;
	if (!add)
		return -1;
	namevec_push(g->f->module->arena, &g->names, name);
	return g->names.len - 1;
}

static bool in_list(const NameVec *v, const char *n)
{
	for (int k = 0; k < v->len; k++)
		if (strcmp(v->items[k], n) == 0)
			return true;
	return false;
}

/* Values whose `name` is the name they read, not one they are bound to. */
static bool name_is_read(const Instr *v)
{
	switch (v->op) {
	case OP_BUILTIN: case OP_LOAD_GLOBAL: case OP_SLOT_LOAD: case OP_CELL_LOAD:
	case OP_UNDEF: case OP_CELL_NEW:
		return true;
	default:
		return false;
	}
}

static bool in_comp(const Instr *v)
{
	const Block *b = v->block;
	return b && b->label && strncmp(b->label, "comp.", 5) == 0 &&
	       strcmp(b->label, "comp.end") != 0;
}

/* The source name v is bound to that its home may be, or NULL. Names kept
 * in slots and cells, and globals a function declares, are read and
 * written by their own instructions; a comprehension's variables do not
 * exist outside it; an accumulator is bound only once it is complete. */
static const char *binding_name(PyGen *g, const Instr *v)
{
	if (!v->name || name_is_read(v) || !pg_is_ident(v->name) || in_comp(v))
		return NULL;
	Function *f = g->f;
	if (in_list(&f->slots, v->name) || in_list(&f->cells, v->name) ||
	    in_list(&f->freevars, v->name))
		return NULL;
	if (!f->is_module)
		for (int b = 0; b < f->blocks.len; b++)
			for (int k = 0; k < f->blocks.items[b]->instrs.len; k++) {
				const Instr *i = f->blocks.items[b]->instrs.items[k];
				if ((i->op == OP_STORE_GLOBAL || i->op == OP_LOAD_GLOBAL) &&
				    strcmp(i->imm.name, v->name) == 0)
					return NULL;
			}
	return v->name;
}

static bool is_accumulator_use(const Instr *user, int arg)
{
	return arg == 0 && (user->op == OP_LIST_APPEND || user->op == OP_SET_ADD ||
	                    user->op == OP_DICT_PUT);
}

static const char *temp_name(PyGen *g, const Instr *v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "_t%d", v->id);
	return arena_strdup(g->f->module->arena, buf);
}

bool pg_is_stmt(const PyGen *g, const Instr *i)
{
	return !(ir_has_value(i->op) && g->fold[i->id]);
}

/* ---- folding ---- */

static bool inert(const Instr *v)
{
	return v->op == OP_CONST || v->op == OP_BUILTIN;
}

static bool has_effect(const Instr *i)
{
	return i->op != OP_COPY && i->op != OP_BR && ir_has_effect(i);
}

static bool foldable(PyGen *g, const Instr *v, Instr *const *user)
{
	if (g->is_temp[v->id] && g->home[v->id] && v->name && binding_name(g, v) &&
	    g->uses[v->id] >= 3)
		return false;  /* an accumulator */
	if (!ir_has_value(v->op) || g->is_var[v->id] || !pg_in_range(g, v))
		return false;
	switch (v->op) {
	case OP_PARAM: case OP_UNDEF: case OP_ITERNEXT: case OP_UNPACK: case OP_EXTRACT:
	case OP_WITH_ENTER: case OP_MAKE_FUNCTION: case OP_IMPORT: case OP_CUR_EXC:
	case OP_CELL_NEW: case OP_EXC_MATCH:
		return false;
	case OP_BINOP:
		if (v->inplace)
			return false;
		break;
	default:
		break;
	}
	if (binding_name(g, v))
		return false;
	if (inert(v))
		return true;
	if (g->uses[v->id] != 1)
		return false;
	const Instr *u = user[v->id];
	if (u && v->op == OP_ITER && u->op == OP_ITERNEXT)
		return true;  /* in the for header if plan_block allows */
	return u && u->block == v->block && pg_in_range(g, u);
}

/* The name an instruction assigns as a statement, if any. */
static const char *assigned_name(PyGen *g, const Instr *i)
{
	if (i->op == OP_COPY)
		return g->home[i->dest->id];
	if (i->op == OP_STORE_GLOBAL || i->op == OP_SLOT_STORE)
		return i->imm.name;
	if (i->op == OP_CELL_STORE)
		return pg_cell_name(i->args.items[0]);
	if (ir_has_value(i->op) && !g->fold[i->id])
		return g->bind[i->id] ? g->bind[i->id] : g->home[i->id];
	return NULL;
}

static bool must_flush(PyGen *g, Instr *stmt, Instr *p)
{
	if (stmt->op == OP_COPY && p->op == OP_ITER)  /* see iter_into_for */
		return pg_reads_name(g, p, g->home[stmt->dest->id]);
	if (has_effect(stmt) || has_effect(p))
		return true;
	const char *n = assigned_name(g, stmt);
	if (n && pg_reads_name(g, p, n))
		return true;
	if (stmt->op == OP_UNPACK)
		return true;  /* assigns several names */
	return false;
}

/* An `iter` whose one use is the next loop's `iternext` is written in the
 * `for` header when only copies that do not touch what it reads follow
 * it: a copy neither raises nor has an effect. */
static bool iter_into_for(PyGen *g, Instr *it, Instr *const *user)
{
	if (it->op != OP_ITER || g->uses[it->id] != 1 || !user[it->id] ||
	    user[it->id]->op != OP_ITERNEXT || !pg_in_range(g, it))
		return false;
	Block *b = it->block;
	int k = 0;
	while (b->instrs.items[k] != it)
		k++;
	for (k++; k < b->instrs.len - 1; k++) {
		Instr *c = b->instrs.items[k];
		if (c->op != OP_COPY || pg_reads_name(g, it, g->home[c->dest->id]))
			return false;
	}
	Instr *t = ir_terminator(b);
	return t->op == OP_BR && t->succ[0] == user[it->id]->block;
}

static void plan_block(PyGen *g, Block *b, Instr *const *user)
{
	Instr *stack[256];
	int n = 0;
	for (int k = 0; k < b->instrs.len; k++) {
		Instr *i = b->instrs.items[k];
		if (!pg_in_range(g, i) || i->op == OP_BR)
			continue;  /* a br runs nothing */
		/* its folded, non-inert operands, in operand order */
		Instr *ops[64];
		int m = 0;
		for (int a = 0; a < i->args.len && m < 64; a++) {
			Instr *v = i->args.items[a];
			if (g->fold[v->id] && !inert(v) && v->block == b && user[v->id] == i)
				ops[m++] = v;
		}
		bool ok = m <= n;
		for (int a = 0; ok && a < m; a++)
			ok = stack[n - m + a] == ops[a];
		if (ok) {
			n -= m;
		} else {
			for (int a = 0; a < m; a++)
				g->fold[ops[a]->id] = false;
			for (int a = 0; a < n; a++)
				g->fold[stack[a]->id] = false;
			n = 0;
		}
		if (ir_has_value(i->op) && g->fold[i->id]) {
			if (!inert(i) && n < 256)
				stack[n++] = i;
			else if (!inert(i))
				g->fold[i->id] = false;
			continue;
		}
		int keep = 0;
		for (int a = 0; a < n; a++) {
			if (must_flush(g, i, stack[a]))
				g->fold[stack[a]->id] = false;
			else
				stack[keep++] = stack[a];
		}
		n = keep;
	}
	for (int a = 0; a < n; a++)
		if (!iter_into_for(g, stack[a], user))
			g->fold[stack[a]->id] = false;
}

/* ---- the holds analysis ---- */

const char *pg_name_of(PyGen *g, Instr *v)
{
	if (v->op == OP_UNDEF) {
		int k = pg_name_index(g, v->imm.name, false);
		if (k >= 0 && g->state && g->state[k] == HOLD_UNBOUND)
			return v->imm.name;
		if (g->checking)
			pg_fail(g, "reads a variable that may be unbound where another value could "
			        "be bound to its name");
		return NULL;
	}
	const char *h = g->home[v->id];
	if (!g->state || (g->is_temp[v->id] && pg_in_range(g, v)))
		return h;  /* a temporary is assigned once, before its reads */
	int k = h ? pg_name_index(g, h, false) : -1;
	if (k >= 0 && g->state[k] == v->id)
		return h;
	/* values from before the task, by a name that holds them */
	for (int j = 0; j < g->names.len; j++)
		if (g->state[j] == v->id)
			return g->names.items[j];
	if (g->checking && !g->failed)
		g->failed = v;
	return h;
}

int *pg_state_copy(const PyGen *g, const int *s)
{
	if (!s)
		return NULL;
	int *c = xmalloc(((size_t)g->names.len + 1) * sizeof *c);
	memcpy(c, s, ((size_t)g->names.len + 1) * sizeof *c);
	return c;
}

int *pg_state_meet(const PyGen *g, int *into, const int *from)
{
	if (!from)
		return into;
	if (!into)
		return pg_state_copy(g, from);
	for (int k = 0; k < g->names.len; k++)
		if (into[k] != from[k])
			into[k] = HOLD_UNKNOWN;
	return into;
}

bool pg_state_equal(const PyGen *g, const int *a, const int *b)
{
	if (!a || !b)
		return a == b;
	return memcmp(a, b, (size_t)g->names.len * sizeof *a) == 0;
}

void pg_note_global(PyGen *g, const char *n)
{
	if (n && !in_list(&g->globals, n))
		namevec_push(g->f->module->arena, &g->globals, n);
}

static void set_hold(PyGen *g, const char *n, int v)
{
	if (!n || !g->state)
		return;
	int k = pg_name_index(g, n, false);
	if (k >= 0)
		g->state[k] = v;
}

/* What an emitted statement does to the names. */
void pg_transfer(PyGen *g, Instr *i)
{
	if (!g->state)
		return;
	switch (i->op) {
	case OP_COPY:
		set_hold(g, g->home[i->dest->id], i->dest->id);
		return;
	case OP_UNPACK: case OP_EXTRACT:
		return;  /* the unpacking statement assigns the extracts */
	case OP_STORE_GLOBAL: case OP_SLOT_STORE:
		set_hold(g, i->imm.name, i->args.items[i->op == OP_STORE_GLOBAL ? 0 : 0]->id);
		return;
	default:
		break;
	}
	if (ir_has_value(i->op) && !g->fold[i->id]) {
		set_hold(g, g->home[i->id], i->id);
		if (g->bind[i->id])
			set_hold(g, g->bind[i->id], i->id);
	}
}

/* ---- setting up ---- */

static void count_uses(PyGen *g, Instr **user)
{
	Function *f = g->f;
	for (int b = 0; b < f->blocks.len; b++) {
		Block *bl = f->blocks.items[b];
		for (int k = 0; k < bl->instrs.len; k++) {
			Instr *i = bl->instrs.items[k];
			if (!pg_in_range(g, i))
				continue;
			for (int a = 0; a < i->args.len; a++) {
				Instr *v = i->args.items[a];
				/* with_exit names the manager again; it is not written */
				if (i->op == OP_WITH_EXIT || v->id <= 0 || v->id >= g->nids)
					continue;
				g->uses[v->id]++;
				user[v->id] = i;
				if (is_accumulator_use(i, a))
					g->uses[v->id] += 2;  /* never folded */
			}
		}
	}
}

static void add_name(PyGen *g, const char *n)
{
	if (n)
		pg_name_index(g, n, true);
}

static bool setup(PyGen *g)
{
	Function *f = g->f;
	g->nids = f->nvalues + 2;
	g->uses = xcalloc((size_t)g->nids, sizeof *g->uses);
	g->fold = xcalloc((size_t)g->nids, sizeof *g->fold);
	g->home = xcalloc((size_t)g->nids, sizeof *g->home);
	g->bind = xcalloc((size_t)g->nids, sizeof *g->bind);
	g->is_var = xcalloc((size_t)g->nids, sizeof *g->is_var);
	g->is_temp = xcalloc((size_t)g->nids, sizeof *g->is_temp);
	Instr **user = xcalloc((size_t)g->nids, sizeof *user);
	for (int k = 0; k < f->vars.len; k++) {
		Instr *v = f->vars.items[k];
		g->is_var[v->id] = true;
		const char *n = v->name && pg_is_ident(v->name) && !in_comp(v) ? binding_name(g, v) : NULL;
		if (v->block && v->block->label && strncmp(v->block->label, "comp.", 5) == 0)
			n = NULL;
		g->home[v->id] = n ? n : temp_name(g, v);
		g->is_temp[v->id] = !n;
	}
	count_uses(g, user);
	for (int b = 0; b < f->blocks.len; b++)
		for (int k = 0; k < f->blocks.items[b]->instrs.len; k++) {
			Instr *i = f->blocks.items[b]->instrs.items[k];
			if (!ir_has_value(i->op) || i->id <= 0 || i->id >= g->nids)
				continue;
			/* A comprehension's accumulator lives in a temporary; its name
			 * is bound when it is made, which only a reader inside the
			 * comprehension could see, and such a read of the old value
			 * then finds it elsewhere (or, unbound, gives up). */
			bool acc = g->uses[i->id] >= 3 && (i->op == OP_BUILD_LIST ||
			           i->op == OP_BUILD_SET || i->op == OP_BUILD_DICT);
			const char *n = acc ? NULL : binding_name(g, i);
			g->home[i->id] = n ? n : temp_name(g, i);
			g->is_temp[i->id] = !n;
			if (acc)
				g->bind[i->id] = binding_name(g, i);
			g->fold[i->id] = foldable(g, i, user);
		}
	for (int b = 0; b < f->blocks.len; b++)
		plan_block(g, f->blocks.items[b], user);
	free(user);
	/* the names the holds analysis follows */
	for (int id = 0; id < g->nids; id++)
		if (g->home[id] && !g->is_temp[id])
			add_name(g, g->home[id]);
	for (int k = 0; k < f->slots.len; k++)
		add_name(g, f->slots.items[k]);
	for (int k = 0; k < f->binds.len; k++)
		add_name(g, f->binds.items[k].name);
	for (int b = 0; b < f->blocks.len; b++)
		for (int k = 0; k < f->blocks.items[b]->instrs.len; k++) {
			Instr *i = f->blocks.items[b]->instrs.items[k];
			if (i->op == OP_UNDEF || i->op == OP_STORE_GLOBAL)
				add_name(g, i->imm.name);
		}
	return true;
}

static void teardown(PyGen *g)
{
	free(g->uses);
	free(g->fold);
	free(g->home);
	free(g->bind);
	free(g->is_var);
	free(g->is_temp);
	free(g->state);
}

/* The state where the walk starts: a function's parameters hold their
 * values and every other name is unbound; a task's names hold what the
 * statements before it bound, if the task receives them. */
static void initial_state(PyGen *g, Block *entry)
{
	(void)entry;
	free(g->state);
	g->state = xcalloc((size_t)g->names.len + 1, sizeof *g->state);
	Function *f = g->f;
	for (int k = 0; k < g->names.len; k++)
		g->state[k] = g->task ? HOLD_UNKNOWN : HOLD_UNBOUND;
	if (!g->task) {
		for (int k = 0; k < f->blocks.items[0]->instrs.len; k++) {
			Instr *p = f->blocks.items[0]->instrs.items[k];
			if (p->op == OP_PARAM && p->imm.index < f->nparams) {
				set_hold(g, g->home[p->id], p->id);
				set_hold(g, g->bind[p->id], p->id);
			}
		}
		return;
	}
	const Task *t = g->task;
	for (int k = 0; k < f->binds.len; k++) {
		const Binding *bd = &f->binds.items[k];
		bool hoisted = bd->stmt < g->part->nstmts && g->part->hoisted[bd->stmt];
		if (bd->stmt >= g->first && !hoisted)
			continue;
		bool known = hoisted;
		for (int r = 0; r < t->nrecv && !known; r++)
			known = strcmp(t->recv[r].name, bd->name) == 0;
		Instr *v = ir_resolve(bd->value);
		set_hold(g, bd->name, !known ? HOLD_UNKNOWN : v->op == OP_UNDEF ? HOLD_UNBOUND : v->id);
	}
}

/* Runs the walk without output until every read finds its value. */
static bool analyze(PyGen *g, Block *entry)
{
	for (int round = 0; round < 200; round++) {
		g->failed = NULL;
		g->dead = false;
		g->cur_stmt = g->f->is_module ? g->first : -1;
		g->want_line = g->last_line = 0;
		g->checking = true;
		g->nloops = g->nwiths = 0;
		g->steps = 0;
		initial_state(g, entry);
		StrBuf sink;
		sb_init(&sink);
		StrBuf *out = g->out;
		g->out = &sink;
		bool ok = pg_emit_seq(g, entry, NULL);
		g->out = out;
		sb_free(&sink);
		if (!ok)
			return false;
		Instr *v = g->failed;
		if (!v)
			return true;
		if (g->is_temp[v->id] || g->is_var[v->id] || !ir_has_value(v->op) ||
		    v->op == OP_EXTRACT || v->op == OP_ITERNEXT ||
		    v->op == OP_WITH_ENTER || v->op == OP_MAKE_FUNCTION || v->op == OP_IMPORT)
			return pg_fail(g, "a value is read where no name holds it any more");
		/* keep it in a temporary; the source name is still bound */
		g->bind[v->id] = g->home[v->id];
		g->home[v->id] = temp_name(g, v);
		g->is_temp[v->id] = true;
	}
	return pg_fail(g, "names do not settle");
}

static Block *entry_block(PyGen *g)
{
	return g->f->blocks.items[0];
}

static bool run(PyGen *g)
{
	if (!g->uses)
		setup(g);
	for (int b = 0; b < g->f->blocks.len; b++)
		if (g->f->blocks.items[b]->phis.len)
			return pg_fail(g, "the function is still in SSA form");
	Block *entry = entry_block(g);
	if (!analyze(g, entry))
		return false;
	g->checking = false;
	g->dead = false;
	g->cur_stmt = g->f->is_module ? g->first : -1;
	g->want_line = g->last_line = 0;
	g->nloops = g->nwiths = 0;
	g->steps = 0;
	initial_state(g, entry);
	return pg_emit_seq(g, entry, NULL);
}

static void put_reason(StrBuf *out, const char *indent, const char *what, const char *why)
{
	sb_printf(out, "%s# %s: copied from the source: %s\n", indent, what, why);
}

bool py_from_ir_function(StrBuf *out, Function *fn, int depth, const char **why)
{
	PyGen g = {.f = fn, .out = out, .depth = depth};
	StrBuf body;
	sb_init(&body);
	g.out = &body;
	setup(&g);
	/* the def's defaults are operands of its make_function */
	Instr *made = NULL;
	for (int b = 0; fn->parent && b < fn->parent->blocks.len; b++)
		for (int k = 0; k < fn->parent->blocks.items[b]->instrs.len; k++) {
			Instr *i = fn->parent->blocks.items[b]->instrs.items[k];
			if (i->op == OP_MAKE_FUNCTION && i->imm.fn == fn)
				made = i;
		}
	bool ok = !fn->is_module && pg_emit_function(&g, fn, NULL, made) && !g.why;
	if (fn->is_module)
		pg_fail(&g, "the module body is written per task");
	if (ok)
		sb_append(out, body.data, body.len);
	*why = g.why;
	sb_free(&body);
	teardown(&g);
	return ok;
}

/* Called by pg_emit_function for nested and hoisted defs: a fresh
 * generator per function, since names and homes are per function. */
bool pg_emit_nested(PyGen *outer, Function *fn, const char *defname, Instr *made)
{
	PyGen g = {.f = fn, .out = outer->out, .depth = outer->depth, .task = NULL};
	StrBuf body;
	sb_init(&body);
	g.out = &body;
	setup(&g);
	bool ok = pg_emit_function(&g, fn, defname, made) && !g.why;
	if (ok)
		sb_append(outer->out, body.data, body.len);
	else
		pg_fail(outer, g.why ? g.why : "a nested function cannot be rebuilt");
	sb_free(&body);
	teardown(&g);
	return ok;
}

bool pg_function_body(PyGen *g)
{
	return run(g);
}

bool py_from_ir_task(StrBuf *out, Function *module, const Partition *p, const Task *t,
                     const char **why)
{
	PyGen g = {.f = module, .task = t, .part = p, .first = t->first, .last = t->last,
	           .depth = 1};
	StrBuf body;
	sb_init(&body);
	g.out = &body;
	bool ok = run(&g) && !g.why;
	if (ok) {
		/* every name the task assigns is the module's */
		NameVec gl = {0};
		for (int k = 0; k < t->nglobals; k++)
			namevec_push(module->module->arena, &gl, t->globals[k]);
		for (int k = 0; k < g.globals.len; k++)
			if (!in_list(&gl, g.globals.items[k]))
				namevec_push(module->module->arena, &gl, g.globals.items[k]);
		if (gl.len) {
			sb_puts(out, "    global ");
			for (int k = 0; k < gl.len; k++)
				sb_printf(out, "%s%s", k ? ", " : "", gl.items[k]);
			sb_putc(out, '\n');
		}
		sb_append(out, body.data, body.len);
		if (!body.len && !gl.len)
			sb_puts(out, "    pass\n");
	}
	*why = g.why;
	sb_free(&body);
	teardown(&g);
	return ok;
}

void py_print_module(StrBuf *out, IRModule *m)
{
	for (int k = 0; k < m->functions.len; k++) {
		Function *fn = m->functions.items[k];
		if (fn->is_module) {
			Task t = {.id = 0, .first = 0, .last = fn->nstmts - 1};
			bool hoisted[1] = {false};
			Partition p = {.tasks = &t, .ntasks = 1, .nstmts = 0, .hoisted = hoisted};
			(void)p;
			sb_printf(out, "# @%s\n", fn->name);
			const char *why = NULL;
			StrBuf body;
			sb_init(&body);
			PyGen g = {.f = fn, .out = &body, .task = NULL, .depth = 0};
			g.first = 0;
			g.last = fn->nstmts - 1;
			bool ok = run(&g) && !g.why;
			why = g.why;
			if (ok)
				sb_append(out, body.data, body.len);
			else
				put_reason(out, "", "@<module>", why ? why : "unknown");
			sb_free(&body);
			teardown(&g);
			sb_putc(out, '\n');
			continue;
		}
		if (fn->parent && !fn->parent->is_module)
			continue;  /* printed inside its parent */
		const char *why = NULL;
		sb_printf(out, "# @%s\n", fn->name);
		if (!py_from_ir_function(out, fn, 0, &why))
			put_reason(out, "", fn->name, why ? why : "unknown");
		sb_putc(out, '\n');
	}
}

void py_leave_ssa(IRModule *m)
{
	for (int k = 0; k < m->functions.len; k++)
		pass_out_of_ssa(m->functions.items[k]);
}
