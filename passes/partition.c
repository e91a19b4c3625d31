/* partition.c: the pass `partition`: groups the module's top-level
 * statements into tasks.
 *
 * A task is a run of consecutive statements, so the order of tasks is the
 * program's order: the runner releases output and reports the first
 * exception in that order, and a task can only need values from earlier
 * ones. A task receives each name it reads from the task of the last
 * statement before it that binds or changes that name.
 *
 * Statements are kept in one task when sending values by name would not
 * be faithful:
 *   - an object two names may share (b = a, y = [x, x], a list stored in a
 *     dict) that something changes: every statement touching those names,
 *     from the first to the last, so the object and its aliases never
 *     travel apart;
 *   - a value that cannot travel between processes (a function defined
 *     inside the program's flow, a module, a file, an iterator): from where
 *     it is bound to its last reader;
 *   - the random module's state: every statement using it;
 *   - a call that may change objects no name reaches, or code not seen:
 *     then the whole program is one task.
 * Top-level defs and imports bound once and not used before are hoisted:
 * every task sees them, nothing sends them.
 *
 * Then runs of statements with too little work for a task of their own
 * are merged, and a `for` loop whose iterations call a pure function with
 * arguments made from the loop variable is split: the calls run in
 * parallel (partition_split.c decides which loops qualify). */
#include "passes/partition_facts.h"
#include "passes/loopsplit.h"
#include "passes/partition_split.h"

#include <stdio.h>
#include <stdlib.h>

static const char SMALL_WORK[] = "too little work for a task of its own";

/* Sending a value costs pickling it in one process and unpickling it in
 * another: on the project machine, 12 to 54 bytes of the in-memory object
 * graph (memest's size) a work unit, 20 million units being about a
 * second of CPython (docs/tasks.md has the experiment). 16 is the low end
 * for containers of floats and strs: sending is never taken as cheap. */
#define SEND_BYTES_PER_WORK 16.0

typedef struct Builder {
	IRModule *m;
	Function *f;
	const StmtList *body;
	int n;
	NameTable names;
	StmtFacts *facts;
	SummaryTable sums;
	Ddg *ddg;
	WorkModel *wm;
	Partition *p;
	bool *join;              /* [n]: statement i and the next non-hoisted one share a task */
	const char **join_why;   /* [n] */
	const char **split_fn;   /* [n] */
	const Expr **split_call; /* [n] */
	struct LoopPlan **plan;  /* [n] */
	const char **plan_why;   /* [n]: why its loop was not split */
	MemEstimates *mem;
	bool identity;           /* identity is compared where no alias class answers */
	bool sets;               /* the program may make sets (scan_module) */
} Builder;

static bool reiterable(const Type *t)
{
	return t && (t->kind == TY_LIST || t->kind == TY_TUPLE || t->kind == TY_STR ||
	             t->kind == TY_DICT || t->kind == TY_SET || t->kind == TY_RANGE);
}

static bool unsendable(const Type *t)
{
	return t && (t->kind == TY_FUNC || t->kind == TY_MODULE || t->kind == TY_FILE ||
	             t->kind == TY_ITER);
}

/* A call of the builtin `name`. */
static bool builtin_call(const Instr *v, const char *name)
{
	if (v->op != OP_CALL)
		return false;
	const Instr *fn = ir_resolve(v->args.items[0]);
	return fn->op == OP_BUILTIN && strcmp(fn->imm.name, name) == 0;
}

/* d.keys(), d.values(), d.items(): a view, which does not pickle. */
static bool dict_view(const Instr *v)
{
	return v->op == OP_CALL_METHOD && v->imm.name &&
	       (strcmp(v->imm.name, "keys") == 0 || strcmp(v->imm.name, "values") == 0 ||
	        strcmp(v->imm.name, "items") == 0);
}

/* ---- classes of objects to names ---- */

typedef struct ClassNames { int cls; IdSet names; bool mutated, compared; } ClassNames;

typedef struct ClassMap { ClassNames *items; int len, cap; } ClassMap;

static ClassNames *class_entry(ClassMap *cm, int cls)
{
	for (int i = 0; i < cm->len; i++)
		if (cm->items[i].cls == cls)
			return &cm->items[i];
	if (cm->len == cm->cap) {
		cm->cap = cm->cap ? cm->cap * 2 : 16;
		cm->items = xrealloc(cm->items, (size_t)cm->cap * sizeof *cm->items);
	}
	cm->items[cm->len] = (ClassNames){cls, {0}, false, false};
	return &cm->items[cm->len++];
}

/* A class of objects statement s changes: the names it has become changed. */
static void note_mut(Builder *b, ClassMap *cm, int s, const Instr *v)
{
	int cls = ddg_class_of(b->ddg, v);
	if (cls < 0)
		return;
	if (ddg_class_is_unknown(cls)) {
		b->facts[s].mutates_unknown = true;
		return;
	}
	ClassNames *e = class_entry(cm, cls);
	e->mutated = true;
	/* the names are known once every binding is seen: kept for later */
	idset_add(&b->facts[s].muts, -1 - cls);
}

/* ---- identity ---- */

/* An operand whose identity survives a trip between processes: None, True
 * and False are singletons, and builtins and classes (type(x)) unpickle
 * as themselves. */
static bool identity_kept(Instr *arg)
{
	const Instr *v = ir_resolve(arg);
	if (v->op == OP_CONST)
		return v->imm.constant.kind == K_NONE || v->imm.constant.kind == K_TRUE ||
		       v->imm.constant.kind == K_FALSE;
	return v->op == OP_BUILTIN || builtin_call(v, "type");
}

/* The operands whose identity instruction `in` looks at: two for `is` and
 * `is not` (none if either keeps its identity), one for id(). */
static int identity_operands(const Instr *in, Instr **ops)
{
	if (in->op == OP_COMPARE && in->args.len == 2 &&
	    (in->imm.cmp == CMP_IS || in->imm.cmp == CMP_ISNOT)) {
		if (identity_kept(in->args.items[0]) || identity_kept(in->args.items[1]))
			return 0;
		ops[0] = in->args.items[0];
		ops[1] = in->args.items[1];
		return 2;
	}
	if (builtin_call(in, "id") && in->args.len == 2) {
		ops[0] = in->args.items[1];
		return 1;
	}
	return 0;
}

/* A value sent to another task arrives as a copy, so two names CPython
 * binds to one object may come apart where the program compares them by
 * identity. In the module's own code the object's alias class tells which
 * names must travel together (forced_groups); an immutable value (a long
 * str shared by two names) or one no class answers for makes the program
 * one task. */
static void note_identity(Builder *b, ClassMap *cm, Instr *v)
{
	int cls = ddg_class_of(b->ddg, v);
	if (cls < 0 || ddg_class_is_unknown(cls)) {
		b->identity = true;
		return;
	}
	class_entry(cm, cls)->compared = true;
}

/* Whether instruction `in` may make a set: a set-typed value, set() or
 * frozenset(), or an operator on dict views (d.keys() - e is a set). */
static bool makes_set(const Instr *in)
{
	if ((in->type && in->type->kind == TY_SET) || in->op == OP_BUILD_SET ||
	    builtin_call(in, "set") || builtin_call(in, "frozenset"))
		return true;
	if (in->op == OP_BINOP)
		for (int a = 0; a < in->args.len; a++)
			if (dict_view(ir_resolve(in->args.items[a])))
				return true;
	return false;
}

/* One look at every function: whether the program may make sets
 * (b->sets), and whether a function compares identities (b->identity:
 * its operands are parameters or globals, which no module alias class
 * describes). */
static void scan_module(Builder *b, const IRModule *m)
{
	for (int fi = 0; fi < m->functions.len; fi++) {
		const Function *f = m->functions.items[fi];
		for (int bi = 0; bi < f->blocks.len; bi++) {
			const Block *bb = f->blocks.items[bi];
			for (int k = 0; k < bb->instrs.len; k++) {
				const Instr *in = bb->instrs.items[k];
				Instr *ops[2];
				if (in->dead)
					continue;
				b->sets |= makes_set(in);
				b->identity |= fi > 0 && identity_operands(in, ops) > 0;
			}
		}
	}
}

/* The IR side of the facts: objects changed, module names read by the
 * functions called, effects. */
static void facts_from_ir(Builder *b, ClassMap *cm)
{
	Function *f = b->f;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *bb = f->blocks.items[bi];
		for (int k = 0; k < bb->instrs.len; k++) {
			Instr *in = bb->instrs.items[k];
			int s = in->stmt;
			if (s < 0 || s >= b->n)
				continue;
			StmtFacts *sf = &b->facts[s];
			Instr *ops[2];
			int nops = in->dead ? 0 : identity_operands(in, ops);
			for (int o = 0; o < nops; o++)
				note_identity(b, cm, ops[o]);
			switch (in->op) {
			case OP_SETITEM: case OP_DELITEM: case OP_SETATTR: case OP_DELATTR:
				note_mut(b, cm, s, in->args.items[0]);
				break;
			case OP_BINOP:
				if (in->inplace)
					note_mut(b, cm, s, in->args.items[0]);
				break;
			case OP_ITER:
				/* iterating an iterator uses it up */
				if (!reiterable(ir_resolve(in->args.items[0])->type))
					note_mut(b, cm, s, in->args.items[0]);
				break;
			case OP_SLOT_LOAD:
				idset_add(&sf->uses, names_intern(&b->names, in->imm.name));
				break;
			case OP_SLOT_STORE:
				idset_add(&sf->defs, names_intern(&b->names, in->imm.name));
				break;
			case OP_CALL_METHOD:
				if (is_mutating_method(in->imm.name))
					note_mut(b, cm, s, in->args.items[0]);
				break;
			case OP_CALL: {
				Instr *callee = ir_resolve(in->args.items[0]);
				if (callee->op == OP_BUILTIN) {
					if (strcmp(callee->imm.name, "next") == 0 && in->args.len > 1)
						note_mut(b, cm, s, in->args.items[1]);
					break;
				}
				const Function *g = summary_callee(&b->sums, in->args.items[0]);
				const Summary *sm = g ? summary_find(&b->sums, g) : NULL;
				if (!sm) {
					sf->mutates_unknown = true;
					break;
				}
				if (sm->mutates_unknown)
					sf->mutates_unknown = true;
				for (int r = 0; r < sm->reads_globals.len; r++)
					idset_add(&sf->uses, names_intern(&b->names, sm->reads_globals.items[r]));
				for (int r = 0; r < sm->mutates_globals.len; r++) {
					int id = names_intern(&b->names, sm->mutates_globals.items[r]);
					idset_add(&sf->muts, id);
				}
				int nargs = in->args.len - 1 - in->nkw;
				for (int a = 0; a < nargs && a < 62; a++)
					if (sm->mutates_params & (1ull << a))
						note_mut(b, cm, s, in->args.items[1 + a]);
				break;
			}
			default:
				break;
			}
		}
	}
}

/* ---- forced groups ---- */

/* Statements lo..hi share one task. */
static void join_range(Builder *b, int lo, int hi, const char *why)
{
	for (int i = lo; i < hi; i++) {
		if (!b->join[i])
			b->join_why[i] = why;
		b->join[i] = true;
	}
}

static bool touches(const StmtFacts *f, int id)
{
	return idset_has(&f->uses, id) || idset_has(&f->defs, id) || idset_has(&f->muts, id);
}

static bool constant_expr(const Expr *e)
{
	if (!e)
		return true;
	switch (e->kind) {
	case EXPR_NONE: case EXPR_TRUE: case EXPR_FALSE: case EXPR_INT: case EXPR_FLOAT:
	case EXPR_STR:
		return true;
	case EXPR_UNARYOP:
		return constant_expr(e->u.unaryop.operand);
	case EXPR_TUPLE:
		for (int i = 0; i < e->u.seq.elts.len; i++)
			if (!constant_expr(e->u.seq.elts.items[i]))
				return false;
		return true;
	default:
		return false;
	}
}

/* Per name: how many statements bind or change it, and the first one
 * that reads it (n when none). */
typedef struct NameUse { int nbinders, first_use; } NameUse;

static NameUse *name_uses(Builder *b)
{
	int nn = b->names.len;
	NameUse *u = xmalloc((size_t)(nn ? nn : 1) * sizeof *u);
	for (int i = 0; i < nn; i++)
		u[i] = (NameUse){0, b->n};
	for (int j = 0; j < b->n; j++) {
		const StmtFacts *f = &b->facts[j];
		for (int k = 0; k < f->defs.len; k++)
			u[f->defs.items[k]].nbinders++;
		for (int k = 0; k < f->muts.len; k++)
			if (!idset_has(&f->defs, f->muts.items[k]))
				u[f->muts.items[k]].nbinders++;
		for (int k = 0; k < f->uses.len; k++)
			if (u[f->uses.items[k]].first_use > j)
				u[f->uses.items[k]].first_use = j;
	}
	return u;
}

/* A def (constant defaults) or import binding names that nothing else
 * binds and nothing before it reads. */
static bool hoistable(Builder *b, const NameUse *u, int s)
{
	const Stmt *st = b->body->items[s];
	if (st->kind == STMT_FUNCTIONDEF) {
		for (int i = 0; i < st->u.funcdef.params.len; i++)
			if (!constant_expr(st->u.funcdef.params.items[i]->default_value))
				return false;
	} else if (st->kind != STMT_IMPORT && st->kind != STMT_IMPORTFROM) {
		return false;
	}
	const IdSet *d = &b->facts[s].defs;
	for (int k = 0; k < d->len; k++)
		if (u[d->items[k]].nbinders != 1 || u[d->items[k]].first_use < s)
			return false;
	return true;
}

static void resolve_class_muts(Builder *b, ClassMap *cm)
{
	/* the names of each class, from what the statements bind */
	Function *f = b->f;
	for (int i = 0; i < f->binds.len; i++) {
		const Binding *bd = &f->binds.items[i];
		int cls = ddg_class_of(b->ddg, bd->value);
		if (cls < 0 || ddg_class_is_unknown(cls))
			continue;
		idset_add(&class_entry(cm, cls)->names, names_intern(&b->names, bd->name));
	}
	/* class markers in muts become the class's names */
	for (int s = 0; s < b->n; s++) {
		IdSet *m = &b->facts[s].muts;
		IdSet out = {0};
		for (int k = 0; k < m->len; k++) {
			if (m->items[k] >= 0) {
				idset_add(&out, m->items[k]);
				continue;
			}
			ClassNames *e = class_entry(cm, -1 - m->items[k]);
			for (int q = 0; q < e->names.len; q++)
				idset_add(&out, e->names.items[q]);
		}
		free(m->items);
		*m = out;
		/* a change is a read and a new version */
		for (int k = 0; k < m->len; k++) {
			idset_add(&b->facts[s].uses, m->items[k]);
			idset_add(&b->facts[s].defs, m->items[k]);
		}
	}
}

static void forced_groups(Builder *b, ClassMap *cm)
{
	Partition *p = b->p;
	/* objects shared by several names and changed */
	for (int c = 0; c < cm->len; c++) {
		ClassNames *e = &cm->items[c];
		if (!(e->mutated || e->compared) || e->names.len < 2)
			continue;
		int lo = -1, hi = -1;
		for (int s = 0; s < b->n; s++) {
			if (p->hoisted[s])
				continue;
			for (int q = 0; q < e->names.len; q++)
				if (touches(&b->facts[s], e->names.items[q])) {
					if (lo < 0)
						lo = s;
					hi = s;
					break;
				}
		}
		if (lo >= 0)
			join_range(b, lo, hi, e->mutated ? "they share an object that is changed through more than one name"
			                                 : "they share an object whose identity is compared");
	}
	/* values that cannot travel */
	Function *f = b->f;
	for (int i = 0; i < f->binds.len; i++) {
		const Binding *bd = &f->binds.items[i];
		int s = bd->stmt;
		if (s < 0 || s >= b->n || p->hoisted[s])
			continue;
		const Instr *v = ir_resolve(bd->value);
		const Type *t = v->type;
		bool set = type_may_hold_set(t, b->sets); /* set() and frozenset() set b->sets */
		if (!unsendable(t) && !set && !dict_view(v))
			continue;
		int id = names_intern(&b->names, bd->name);
		/* its readers, up to where it is bound anew */
		int hi = s;
		for (int j = s + 1; j < b->n; j++) {
			if (p->hoisted[j])
				continue;
			if (idset_has(&b->facts[j].uses, id) || idset_has(&b->facts[j].muts, id))
				hi = j;
			else if (idset_has(&b->facts[j].defs, id))
				break;
		}
		join_range(b, s, hi, set ? "a set's order can change when it is sent to another process"
		                         : "a function, module, file, iterator or dict view cannot be sent "
		                           "between processes");
	}
	/* the random module's state */
	int lo = -1, hi = -1;
	for (int s = 0; s < b->n; s++)
		if (!p->hoisted[s] && (b->ddg->stmts[s].effects & EFF_RANDOM)) {
			if (lo < 0)
				lo = s;
			hi = s;
		}
	if (lo >= 0)
		join_range(b, lo, hi, "they use the random module's state in order");
}

/* ---- tasks ---- */

static void add_dep(Task *t, int d)
{
	for (int i = 0; i < t->ndeps; i++)
		if (t->deps[i] == d)
			return;
	t->deps = xrealloc(t->deps, (size_t)(t->ndeps + 1) * sizeof *t->deps);
	t->deps[t->ndeps++] = d;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static int cmp_recv(const void *a, const void *b)
{
	return strcmp(((const TaskRecv *)a)->name, ((const TaskRecv *)b)->name);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void push_name(const char ***v, int *n, const char *s)
{
	for (int i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return;
	*v = xrealloc(*v, (size_t)(*n + 1) * sizeof **v);
	(*v)[(*n)++] = s;
}

static Task *new_task(Partition *p, int first, int last)
{
	p->tasks = xrealloc(p->tasks, (size_t)(p->ntasks + 1) * sizeof *p->tasks);
	Task *t = &p->tasks[p->ntasks];
	*t = (Task){0};
	t->id = p->ntasks++;
	t->first = first;
	t->last = last;
	return t;
}

/* Forms the tasks from the join flags: forced groups, then small runs
 * merged, split loops alone. */
static void form_tasks(Builder *b)
{
	Partition *p = b->p;
	int s = 0;
	while (s < b->n) {
		if (p->hoisted[s]) {
			s++;
			continue;
		}
		/* one forced group */
		int e = s;
		double work = p->work[s];
		const char *why = NULL;
		for (;;) {
			int nx = e + 1;
			while (nx < b->n && p->hoisted[nx])
				nx++;
			if (nx >= b->n || !b->join[e])
				break;
			if (!why)
				why = b->join_why[e];
			e = nx;
			work += p->work[e];
		}
		bool split = s == e && (b->split_fn[s] || b->plan[s]);
		Task *prev = p->ntasks ? &p->tasks[p->ntasks - 1] : NULL;
		if (!split && work < PARTITION_MIN_WORK && prev && !prev->split_for &&
		    prev->work < PARTITION_MIN_WORK) {
			prev->last = e;
			prev->work += work;
			if (!prev->reason || prev->reason == SMALL_WORK)
				prev->reason = why ? why : SMALL_WORK;
		} else {
			Task *t = new_task(p, s, e);
			t->work = work;
			t->reason = why;
			if (split) {
				t->split_for = b->body->items[s];
				t->split_call = b->split_call[s];
				t->split_fn = b->split_fn[s];
				t->plan = b->plan[s];
			}
			t->nosplit = s == e ? b->plan_why[s] : NULL;
		}
		s = e + 1;
	}
}

/* The statements of tasks that do not split a loop themselves may still
 * split one inside: a call of a pure function whose loop splits runs it
 * over the workers, forked from the task (support.py, _surge_fork_map). */
static void inline_splits(SplitContext *sc, Partition *p, bool identity)
{
	int n1 = p->nstmts ? p->nstmts : 1;
	p->inplan = xcalloc((size_t)n1, sizeof *p->inplan);
	p->inplan_why = xcalloc((size_t)n1, sizeof *p->inplan_why);
	if (identity)
		return; /* a split's values come back as copies too */
	for (int t = 0; t < p->ntasks; t++) {
		const Task *T = &p->tasks[t];
		if (T->plan || T->split_for)
			continue;
		for (int s = T->first; s <= T->last; s++) {
			if (p->hoisted[s])
				continue;
			p->inplan[s] = loopsplit_inline_plan(sc, s, &p->inplan_why[s]);
			/* a loop that shares its task runs split inside it, over
			 * helpers forked from the task */
			if (!p->inplan[s] && !p->inplan_why[s] && T->first != T->last &&
			    p->body->items[s]->kind == STMT_FOR) {
				p->inplan[s] = loopsplit_plan(sc, s, &p->inplan_why[s]);
				if (p->inplan_why[s] == loopsplit_prefer_inside)
					p->inplan_why[s] = NULL;
			}
			if (!p->inplan[s] && T->nosplit && p->inplan_why[s] &&
			    strcmp(T->nosplit, p->inplan_why[s]) == 0)
				p->inplan_why[s] = NULL; /* said once, for the task */
		}
	}
}

/* Receives, sends, dependences, effects of each task. */
static void flows(Builder *b)
{
	Partition *p = b->p;
	int *task_of = xmalloc((size_t)(b->n ? b->n : 1) * sizeof *task_of);
	for (int s = 0; s < b->n; s++)
		task_of[s] = -1;
	for (int t = 0; t < p->ntasks; t++)
		for (int s = p->tasks[t].first; s <= p->tasks[t].last; s++)
			if (!p->hoisted[s])
				task_of[s] = t;
	/* last[name]: the statement that last bound or changed it, so far */
	int nn = b->names.len;
	int *last = xmalloc((size_t)(nn ? nn : 1) * sizeof *last);
	for (int i = 0; i < nn; i++)
		last[i] = -1;
	int last_files = -1;
	for (int t = 0; t < p->ntasks; t++) {
		Task *T = &p->tasks[t];
		IdSet bound_here = {0};
		for (int s = T->first; s <= T->last; s++) {
			if (p->hoisted[s])
				continue;
			StmtFacts *sf = &b->facts[s];
			for (int k = 0; k < sf->uses.len; k++) {
				int id = sf->uses.items[k];
				if (idset_has(&bound_here, id) || last[id] < 0)
					continue;
				int from = task_of[last[id]];
				const char *nm = b->names.names[id];
				T->recv = xrealloc(T->recv, (size_t)(T->nrecv + 1) * sizeof *T->recv);
				T->recv[T->nrecv++] = (TaskRecv){nm, from};
				add_dep(T, from);
				push_name(&p->tasks[from].sends, &p->tasks[from].nsends, nm);
				/* received once: later reads in the task see it as bound */
				idset_add(&bound_here, id);
			}
			for (int k = 0; k < sf->defs.len; k++) {
				idset_add(&bound_here, sf->defs.items[k]);
				push_name(&T->globals, &T->nglobals, b->names.names[sf->defs.items[k]]);
			}
			T->effects |= b->ddg->stmts[s].effects;
		}
		for (int s = T->first; s <= T->last; s++)
			if (!p->hoisted[s])
				for (int k = 0; k < b->facts[s].defs.len; k++)
					last[b->facts[s].defs.items[k]] = s;
		free(bound_here.items);
		if (T->effects & (EFF_FILES | EFF_STDIN | EFF_UNKNOWN)) {
			T->commit = true;
			if (last_files >= 0)
				add_dep(T, last_files);
			last_files = t;
		}
		if (T->effects & (EFF_STDIN | EFF_UNKNOWN))
			T->main = true;
	}
	for (int t = 0; t < p->ntasks; t++) {
		Task *T = &p->tasks[t];
		if (T->ndeps > 1)
			qsort(T->deps, (size_t)T->ndeps, sizeof *T->deps, cmp_int);
		if (T->nrecv > 1)
			qsort(T->recv, (size_t)T->nrecv, sizeof *T->recv, cmp_recv);
		if (T->nsends > 1)
			qsort(T->sends, (size_t)T->nsends, sizeof *T->sends, cmp_str);
		if (T->nglobals > 1)
			qsort(T->globals, (size_t)T->nglobals, sizeof *T->globals, cmp_str);
	}
	free(task_of);
	free(last);
}


/* ---- memory: each task's estimate, and what sending costs ---- */

/* The value statement s leaves bound to `name`: the last one named so. */
static const Instr *bound_value(const Function *f, int s, const char *name)
{
	const Instr *found = NULL;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		const Block *bb = f->blocks.items[bi];
		for (int k = 0; k < bb->instrs.len; k++) {
			const Instr *in = bb->instrs.items[k];
			if (in->id > 0 && in->stmt == s && in->name && strcmp(in->name, name) == 0)
				found = in;
		}
	}
	return found;
}

/* The value each receive of T installs: the last binding of the name up
 * to the producing task's end (a task that only changes the object sends
 * what an earlier one bound; memest sizes a container after all growth). */
static const Instr **received_values(Builder *b, const Task *T)
{
	const Partition *p = b->p;
	const Instr **v = xcalloc((size_t)(T->nrecv ? T->nrecv : 1), sizeof *v);
	for (int r = 0; r < T->nrecv; r++)
		for (int s = p->tasks[T->recv[r].from].last; s >= 0 && !v[r]; s--)
			if (!p->hoisted[s])
				v[r] = bound_value(b->f, s, T->recv[r].name);
	return v;
}

/* The bytes T receives from task `from`, evaluated now (unknown sizes
 * count as none: no evidence to merge on). */
static double bytes_from(Builder *b, const Task *T, int from, const Instr *const *vals)
{
	double bytes = 0;
	for (int r = 0; r < T->nrecv; r++) {
		if (T->recv[r].from != from || !vals[r])
			continue;
		MemSize m = memest_value(b->mem, vals[r]);
		if (m.bytes != MEM_SIZE_UNKNOWN)
			bytes += (double)m.bytes;
	}
	return bytes;
}

/* Whether a task after t waits on one of tasks from..t-1 but not on t:
 * running them with t would make it wait for t too. */
static bool delays_others(const Partition *p, int from, int t)
{
	bool *needs_t = xcalloc((size_t)p->ntasks, sizeof *needs_t);
	bool delays = false;
	needs_t[t] = true;
	for (int u = t + 1; u < p->ntasks && !delays; u++) {
		const Task *U = &p->tasks[u];
		bool on_range = false;
		for (int i = 0; i < U->ndeps; i++) {
			int d = U->deps[i];
			needs_t[u] |= d >= t && needs_t[d];
			on_range |= d >= from && d < t;
		}
		delays = on_range && !needs_t[u];
	}
	free(needs_t);
	return delays;
}

/* A task T that receives a costly value from an earlier task P cannot
 * start before P ends anyway: running P..T as one task loses only what
 * the tasks between them could have run beside P or T, and what a later
 * task waiting only on P..T-1 would now wait for T. When sending costs
 * more than the tasks between do, and no later task waits on P..T-1
 * without also waiting on T, P..T become one task. */
static bool join_chain(Builder *b, const Task *T, const Instr *const *vals)
{
	Partition *p = b->p;
	for (int r = 0; r < T->nrecv; r++) {
		int from = T->recv[r].from;
		const Task *P = &p->tasks[from];
		if (from == T->id - 1)
			continue; /* the neighbour: the rule below */
		if (P->split_for || P->plan)
			continue;
		double cost = bytes_from(b, T, from, vals) / SEND_BYTES_PER_WORK;
		double between = 0;
		bool plain = true;
		for (int m = from + 1; m < T->id; m++) {
			between += p->tasks[m].work;
			plain &= !p->tasks[m].split_for && !p->tasks[m].plan;
		}
		if (!plain || cost <= between)
			continue;
		if (delays_others(p, from, T->id))
			continue;
		char why[200];
		snprintf(why, sizeof why, "sending %.0f bytes costs more than the tasks between "
		         "could run beside them (about %.0f operations to send, %.0f between)",
		         cost * SEND_BYTES_PER_WORK, cost, between);
		join_range(b, P->first, T->first, arena_strdup(b->names.arena, why));
		return true;
	}
	return false;
}

/* Marks the task boundaries where sending what crosses them costs more
 * than the work the later task could run beside others: those statements
 * stay with their producer. Returns whether any was marked. */
static bool join_costly_sends(Builder *b)
{
	Partition *p = b->p;
	bool any = false;
	for (int t = 1; t < p->ntasks; t++) {
		Task *T = &p->tasks[t], *P = &p->tasks[t - 1];
		if (T->split_for || P->split_for)
			continue;
		const Instr **vals = received_values(b, T);
		double bytes = bytes_from(b, T, t - 1, vals);
		if (join_chain(b, T, vals)) {
			free(vals);
			any = true;
			continue;
		}
		free(vals);
		double cost = bytes / SEND_BYTES_PER_WORK;
		if (bytes <= 0 || cost <= T->work)
			continue;
		b->join[P->last] = true;
		char why[160];
		snprintf(why, sizeof why, "sending %.0f bytes costs more than the work it saves "
		         "(about %.0f operations to send, %.0f to run)", bytes, cost, T->work);
		b->join_why[P->last] = arena_strdup(b->names.arena, why);
		any = true;
	}
	return any;
}

/* The manifest's memory of each task: its statements' peaks over what the
 * earlier ones leave, and what it receives. */
static void task_memory(Builder *b)
{
	Partition *p = b->p;
	int *stmts = xmalloc((size_t)(b->n ? b->n : 1) * sizeof *stmts);
	for (int t = 0; t < p->ntasks; t++) {
		Task *T = &p->tasks[t];
		int ns = 0;
		for (int s = T->first; s <= T->last; s++)
			if (!p->hoisted[s])
				stmts[ns++] = s;
		const Instr **vals = received_values(b, T);
		MemSize m = memest_run_peak(b->mem, b->f, stmts, ns, vals, T->nrecv);
		free(vals);
		char num[24];
		snprintf(num, sizeof num, "%llu", (unsigned long long)m.bytes);
		T->memory = arena_strdup(b->names.arena, m.is_const ? num : m.formula);
	}
	free(stmts);
}

/* The program's folder, where open('x') looks (memest measures there). */
static const char *program_dir(Arena *a, const SourceFile *src)
{
	const char *path = src ? src->name : NULL;
	const char *slash = path ? strrchr(path, '/') : NULL;
	if (!slash)
		return ".";
	return slash == path ? "/" : arena_strndup(a, path, (size_t)(slash - path));
}

static void tasks_free(Partition *p)
{
	for (int t = 0; t < p->ntasks; t++) {
		free(p->tasks[t].deps);
		free(p->tasks[t].recv);
		free(p->tasks[t].sends);
		free(p->tasks[t].globals);
	}
	free(p->tasks);
	p->tasks = NULL;
	p->ntasks = 0;
}

Partition *partition_build(IRModule *m, const Module *ast, Arena *arena, const SourceFile *src,
                           const PartitionOptions *opts)
{
	Builder b = {0};
	b.m = m;
	b.f = m->functions.items[0];
	b.body = ast_script_body(arena, ast);
	b.n = b.f->nstmts;
	if (b.n != b.body->len)
		b.n = b.n < b.body->len ? b.n : b.body->len;
	b.names.arena = arena;
	Partition *p = xcalloc(1, sizeof *p);
	b.p = p;
	p->body = b.body;
	p->nstmts = b.n;
	int n1 = b.n ? b.n : 1;
	p->hoisted = xcalloc((size_t)n1, sizeof *p->hoisted);
	p->work = xcalloc((size_t)n1, sizeof *p->work);
	b.facts = xcalloc((size_t)n1, sizeof *b.facts);
	b.join = xcalloc((size_t)n1, sizeof *b.join);
	b.join_why = xcalloc((size_t)n1, sizeof *b.join_why);
	b.split_fn = xcalloc((size_t)n1, sizeof *b.split_fn);
	b.split_call = xcalloc((size_t)n1, sizeof *b.split_call);
	b.plan = xcalloc((size_t)n1, sizeof *b.plan);
	b.plan_why = xcalloc((size_t)n1, sizeof *b.plan_why);

	summaries_compute(&b.sums, m);
	b.ddg = ddg_build(b.f, &b.sums, src, false);
	b.wm = work_model_new(m, &b.sums);
	work_of_stmts(b.wm, b.f, p->work);

	scan_module(&b, m);
	ClassMap cm = {0};
	for (int s = 0; s < b.n; s++)
		facts_from_ast(&b.names, &b.facts[s], b.body->items[s]);
	facts_from_ir(&b, &cm);
	resolve_class_muts(&b, &cm);
	NameUse *uses = name_uses(&b);
	for (int s = 0; s < b.n; s++)
		p->hoisted[s] = hoistable(&b, uses, s);
	free(uses);

	for (int s = 0; s < b.n && !p->fallback; s++) {
		if (p->hoisted[s])
			continue;
		if (b.facts[s].mutates_unknown)
			p->fallback = "a statement calls code that may change objects no name reaches";
		else if (b.ddg->stmts[s].effects & EFF_UNKNOWN)
			p->fallback = "a statement calls code surgec cannot see";
	}
	bool identity = !p->fallback && b.identity;
	if (identity)
		p->fallback = "the program compares identities (`is` between two values, or id()), "
		              "which copies sent between processes would change";
	SplitContext sc = {b.f, b.body, &b.names, b.facts, &b.sums, b.wm, b.ddg, p->hoisted,
	                   p->work, arena, src, opts && opts->freassociate, b.sets, NULL};
	if (p->fallback) {
		join_range(&b, 0, b.n - 1, p->fallback);
	} else {
		forced_groups(&b, &cm);
		for (int s = 0; s < b.n; s++) {
			bool grouped = (s > 0 && b.join[s - 1]) || b.join[s];
			if (p->hoisted[s] || grouped)
				continue;
			b.plan[s] = loopsplit_plan(&sc, s, &b.plan_why[s]);
			if (!b.plan[s] && b.plan_why[s] != loopsplit_prefer_inside)
				b.split_fn[s] = split_candidate(&sc, s, &b.split_call[s]);
		}
	}
	form_tasks(&b);
	flows(&b);
	b.mem = memest_compute(m, &b.sums, program_dir(arena, src));
	/* each round merges at least two tasks: it ends */
	while (!p->fallback && join_costly_sends(&b)) {
		tasks_free(p);
		form_tasks(&b);
		flows(&b);
	}
	task_memory(&b);
	memest_free(b.mem);
	inline_splits(&sc, p, identity);
	split_context_free(&sc);

	for (int c = 0; c < cm.len; c++)
		free(cm.items[c].names.items);
	free(cm.items);
	for (int s = 0; s < b.n; s++)
		facts_free(&b.facts[s]);
	free(b.facts);
	free(b.join);
	free(b.join_why);
	free(b.split_fn);
	free(b.split_call);
	free(b.plan);
	free(b.plan_why);
	names_free(&b.names);
	ddg_free(b.ddg);
	work_model_free(b.wm);
	summaries_free(&b.sums);
	return p;
}

void partition_free(Partition *p)
{
	if (!p)
		return;
	tasks_free(p);
	free(p->inplan);
	free(p->inplan_why);
	free(p->hoisted);
	free(p->work);
	free(p);
}

/* ---- -print-tasks ---- */

void partition_print(StrBuf *out, const Partition *p, const SourceFile *src)
{
	sb_printf(out, "*** TASKS for %s: %d task%s ***\n", src ? src->name : "<module>",
	          p->ntasks, p->ntasks == 1 ? "" : "s");
	if (p->fallback)
		sb_printf(out, "one task: %s\n", p->fallback);
	for (int s = 0; s < p->nstmts; s++)
		if (p->hoisted[s]) {
			sb_printf(out, "hoisted S%d line %d: ", s + 1, p->body->items[s]->range.line);
			put_source_line(out, src, p->body->items[s]->range.line);
			sb_putc(out, '\n');
		}
	for (int t = 0; t < p->ntasks; t++) {
		const Task *T = &p->tasks[t];
		sb_printf(out, "T%d lines %d-%d work %.0f", T->id, p->body->items[T->first]->range.line,
		          p->body->items[T->last]->range.end_line, T->work);
		if (T->commit)
			sb_puts(out, " commit");
		if (T->main)
			sb_puts(out, " main");
		sb_putc(out, '\n');
		for (int s = T->first; s <= T->last; s++) {
			if (p->hoisted[s])
				continue;
			sb_printf(out, "  S%d line %d: ", s + 1, p->body->items[s]->range.line);
			put_source_line(out, src, p->body->items[s]->range.line);
			sb_putc(out, '\n');
			if (p->inplan && p->inplan[s])
				loopplan_print(out, p->inplan[s], "    ", true);
			else if (p->inplan_why && p->inplan_why[s])
				sb_printf(out, "    not split: %s\n", p->inplan_why[s]);
		}
		if (T->reason)
			sb_printf(out, "  together: %s\n", T->reason);
		if (T->plan)
			loopplan_print(out, T->plan, "  ", false);
		else if (T->split_for)
			sb_printf(out, "  split: the calls of %s run in parallel, one map task per chunk\n",
			          T->split_fn);
		else if (T->nosplit)
			sb_printf(out, "  not split: %s\n", T->nosplit);
		if (T->nrecv) {
			sb_puts(out, "  receives:");
			for (int r = 0; r < T->nrecv; r++)
				sb_printf(out, "%s %s from T%d", r ? "," : "", T->recv[r].name, T->recv[r].from);
			sb_putc(out, '\n');
		}
		if (T->nsends) {
			sb_puts(out, "  sends:");
			for (int r = 0; r < T->nsends; r++)
				sb_printf(out, "%s %s", r ? "," : "", T->sends[r]);
			sb_putc(out, '\n');
		}
		if (T->ndeps) {
			sb_puts(out, "  after:");
			for (int r = 0; r < T->ndeps; r++)
				sb_printf(out, " T%d", T->deps[r]);
			sb_putc(out, '\n');
		}
	}
}
