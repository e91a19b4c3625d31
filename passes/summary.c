/* summary.c: what each function does that a caller can observe.
 *
 * For every function: the module-level names it reads (load_global), the
 * objects it may mutate (those its parameters reach, those module-level
 * names reach, or ones it cannot name), and its ordered effects (stdout,
 * stdin, files, the random module's state). A call is then as precise as
 * its callee. Summaries are computed for all functions together and
 * iterated to a fixed point, so recursion needs nothing special.
 *
 * Where a value comes from is traced back through SSA to its origins: a
 * parameter, a module-level name, a fresh allocation, or "unknown" (a
 * call's result, a cell). Anything mutated through an unknown origin is
 * reported as such: sound first, precise where the IR shows the way.
 *
 * Cost: each function's IR is read once, into the steps a pass over it
 * takes (reads, mutations, calls) over module-level names interned to
 * small ids. The fixed point then replays only calls, and a call takes
 * only what its callee gained since the caller last looked (the lists
 * only grow), so the work is about the size of the results. */
#include "passes/passes.h"

#include <stdlib.h>

/* Methods of builtin types that change their receiver. */
static const char *const mutating_methods[] = {
	"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse",
	"update", "setdefault", "popitem", "add", "discard", "difference_update",
	"intersection_update", "symmetric_difference_update", NULL,
};

bool is_mutating_method(const char *name)
{
	for (const char *const *p = mutating_methods; *p; p++)
		if (strcmp(*p, name) == 0)
			return true;
	return false;
}

/* Where values come from: bit i < 62 for parameter i, and two more. */
enum { ORIGIN_GLOBAL = 1ull << 62, ORIGIN_UNKNOWN = 1ull << 63 };

/* A value that may be one of several module-level names. */
static const char ambiguous[] = "?";

typedef struct Origins {
	uint64_t *bits;         /* by value id */
	const char **global;    /* the module name, when one global */
} Origins;

/* set(), list() or dict() of the builtins, without arguments. */
static bool empty_container_call(const Instr *v)
{
	if (v->args.len != 1 || v->nkw)
		return false;
	const Instr *fn = ir_resolve(v->args.items[0]);
	return fn->op == OP_BUILTIN && (strcmp(fn->imm.name, "set") == 0 ||
	                                strcmp(fn->imm.name, "list") == 0 ||
	                                strcmp(fn->imm.name, "dict") == 0);
}

/* The origins one instruction adds from its own nature. */
static uint64_t own_origin(const Instr *v)
{
	switch (v->op) {
	case OP_PARAM:
		/* a captured cell arrives as a parameter past the real ones */
		return v->imm.index < 62 && v->imm.index < v->block->fn->nparams
		       ? 1ull << v->imm.index : ORIGIN_UNKNOWN;
	case OP_LOAD_GLOBAL:
		return ORIGIN_GLOBAL;
	case OP_CONST: case OP_BUILD_LIST: case OP_BUILD_TUPLE: case OP_BUILD_SET:
	case OP_BUILD_DICT: case OP_BUILTIN: case OP_IMPORT: case OP_UNDEF:
	case OP_MAKE_FUNCTION: case OP_SLICE: case OP_FORMAT: case OP_JOIN_STR:
	case OP_COMPARE: case OP_UNARY: case OP_BINOP:
	case OP_GETITEM: case OP_GETATTR: case OP_EXTRACT: case OP_UNPACK: case OP_ITER:
	case OP_ITERNEXT: case OP_WITH_ENTER: case OP_PHI:
		return 0;
	case OP_CALL:
		if (empty_container_call(v))
			return 0; /* set(), list(), dict(): a new object, reaching nothing */
		return ORIGIN_UNKNOWN;
	default:
		/* Call results, slots, cells, exceptions: could be anything. */
		return ORIGIN_UNKNOWN;
	}
}

/* Whether a value reaches into its first operands' objects: an element,
 * attribute or item of x is reachable from x; x += y on a list is x. */
static bool inherits(const Instr *v)
{
	switch (v->op) {
	case OP_GETITEM: case OP_GETATTR: case OP_EXTRACT: case OP_UNPACK: case OP_ITER:
	case OP_ITERNEXT: case OP_WITH_ENTER: case OP_PHI:
		return true;
	case OP_BINOP:
		return v->inplace;
	default:
		return false;
	}
}

/* The objects each value may be or reach into (parameters, module names,
 * unknown), as a least fixed point over the function: origins only grow,
 * so phi cycles settle on the union of what flows in. */
static void compute_origins(Function *f, Origins *o)
{
	bool changed = true;
	while (changed) {
		changed = false;
		for (int b = 0; b < f->blocks.len; b++) {
			Block *bb = f->blocks.items[b];
			InstrVec *lists[2] = {&bb->phis, &bb->instrs};
			for (int l = 0; l < 2; l++) {
				for (int k = 0; k < lists[l]->len; k++) {
					Instr *v = lists[l]->items[k];
					if (!ir_has_value(v->op))
						continue;
					uint64_t r = own_origin(v);
					if (v->op == OP_LOAD_GLOBAL)
						o->global[v->id] = v->imm.name;
					/* A phi is any of its operands; anything else reaches
					 * into its first (the container, not the index). */
					int nin = v->op == OP_PHI ? v->args.len : 1;
					for (int a = 0; inherits(v) && a < nin; a++) {
						Instr *x = ir_resolve(v->args.items[a]);
						r |= o->bits[x->id];
						const char *gx = o->global[x->id], *gv = o->global[v->id];
						if (gx && !gv)
							o->global[v->id] = gx;
						else if (gx && gv != gx && strcmp(gx, gv) != 0)
							o->global[v->id] = ambiguous;
					}
					if ((r | o->bits[v->id]) != o->bits[v->id]) {
						o->bits[v->id] |= r;
						changed = true;
					}
				}
			}
		}
	}
}

static uint64_t origin_of(Origins *o, Instr *v)
{
	return o->bits[ir_resolve(v)->id];
}

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static Summary *summary_of(SummaryTable *t, const Function *f)
{
	return f->index >= 0 && f->index < t->len && t->items[f->index].fn == f
	       ? &t->items[f->index] : NULL;
}

static Function **def_slot(const SummaryTable *t, const char *name, const char ***key)
{
	size_t mask = (size_t)t->def_cap - 1;
	size_t k = hash_str(name) & mask;
	for (; t->def_keys[k]; k = (k + 1) & mask)
		if (strcmp(t->def_keys[k], name) == 0)
			break;
	*key = &t->def_keys[k];
	return &t->def_fns[k];
}

const Function *summary_callee(const SummaryTable *t, Instr *callee)
{
	callee = ir_resolve(callee);
	if (callee->op == OP_MAKE_FUNCTION)
		return callee->imm.fn;
	if (callee->op == OP_LOAD_GLOBAL && t->def_cap) {
		const char **key;
		Function **fn = def_slot(t, callee->imm.name, &key);
		return *key ? *fn : NULL;
	}
	return NULL;
}

/* ---- module-level names as small ids ---- */

typedef struct Names {
	int *slots;             /* id + 1 by hash of the name; 0: empty */
	int cap;
	const char **name;      /* by id */
	int len, name_cap;
} Names;

/* Grows a malloc'ed array to hold need elements of size bytes. */
static void *grow(void *p, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return p;
	int nc = *cap ? *cap : 16;
	while (nc < need)
		nc *= 2;
	*cap = nc;
	return xrealloc(p, (size_t)nc * size);
}

static int *names_slot(Names *n, const char *s)
{
	size_t mask = (size_t)n->cap - 1;
	size_t k = hash_str(s) & mask;
	for (; n->slots[k]; k = (k + 1) & mask) {
		const char *x = n->name[n->slots[k] - 1];
		if (x == s || strcmp(x, s) == 0)
			break;
	}
	return &n->slots[k];
}

static int name_id(Names *n, const char *s)
{
	if ((n->len + 1) * 2 > n->cap) {
		free(n->slots);
		n->cap = n->cap ? n->cap * 2 : 64;
		n->slots = xcalloc((size_t)n->cap, sizeof *n->slots);
		for (int id = 0; id < n->len; id++)
			*names_slot(n, n->name[id]) = id + 1;
	}
	int *slot = names_slot(n, s);
	if (!*slot) {
		n->name = grow(n->name, &n->name_cap, n->len + 1, sizeof *n->name);
		n->name[n->len] = s;
		*slot = ++n->len;
	}
	return *slot - 1;
}

/* A set of name ids: hashed while small, a bitset over all the names once
 * that takes no more memory (so dense sets are fast, sparse ones small). */
typedef struct Members {
	uint32_t *slots;        /* id + 1; 0: empty */
	uint64_t *bits;         /* once dense */
	int cap, len;
} Members;

static uint32_t *members_slot(const Members *s, int id)
{
	size_t mask = (size_t)s->cap - 1;
	size_t k = ((uint32_t)id * 2654435761u) & mask;
	while (s->slots[k] && s->slots[k] != (uint32_t)id + 1)
		k = (k + 1) & mask;
	return &s->slots[k];
}

/* Adds id to the set; true if it was not there. */
static bool members_add(Members *s, int id, int nnames)
{
	if (!s->bits && (s->len + 1) * 2 > s->cap) {
		Members old = *s;
		if ((size_t)(s->len + 1) * 128 >= (size_t)nnames) {
			s->bits = xcalloc(((size_t)nnames + 63) / 64, sizeof *s->bits);
			for (int k = 0; k < old.cap; k++)
				if (old.slots[k])
					s->bits[(old.slots[k] - 1) >> 6] |= 1ull << ((old.slots[k] - 1) & 63);
			s->slots = NULL;
			s->cap = 0;
		} else {
			s->cap = s->cap ? s->cap * 2 : 16;
			s->slots = xcalloc((size_t)s->cap, sizeof *s->slots);
			for (int k = 0; k < old.cap; k++)
				if (old.slots[k])
					*members_slot(s, (int)old.slots[k] - 1) = old.slots[k];
		}
		free(old.slots);
	}
	if (s->bits) {
		uint64_t bit = 1ull << (id & 63);
		if (s->bits[id >> 6] & bit)
			return false;
		s->bits[id >> 6] |= bit;
	} else {
		uint32_t *slot = members_slot(s, id);
		if (*slot)
			return false;
		*slot = (uint32_t)id + 1;
	}
	s->len++;
	return true;
}

/* How many ids of from are not in to, when both are bitsets over nnames
 * ids; -1 otherwise. */
static int members_missing(const Members *to, const Members *from, int nnames)
{
	if (!to->bits || !from->bits)
		return -1;
	int missing = 0;
	for (int w = 0; w < (nnames + 63) / 64; w++)
		missing += __builtin_popcountll(from->bits[w] & ~to->bits[w]);
	return missing;
}

/* ---- what a pass over a function does, read once ---- */

/* What mutating one object means: the parameters it reaches, the one
 * module-level name it is (or -1), or objects nobody can name. */
typedef struct Mut {
	uint64_t params;
	int global;
	bool unknown;
} Mut;

/* One step of a pass over a function, in instruction order. */
enum { STEP_READ, STEP_MUT, STEP_CALL };
typedef struct Step { int kind, arg; } Step; /* arg: name id, mut, call */

/* A call of a function with a summary. */
typedef struct Call {
	int edge;               /* the caller's edge to the callee */
	int args, nargs;        /* muts[args..+nargs): positional argument p */
	bool kw;                /* has keyword arguments */
	uint64_t applied;       /* the callee's parameter bits already applied */
} Call;

/* A callee, once per caller: how much of the callee's lists the caller
 * has taken in. */
typedef struct Edge { int callee, seen_reads, seen_muts; } Edge;

typedef struct IdList { int *items; int len, cap; } IdList;

typedef struct FnState {
	int step, nstep, call, ncall, edge, nedge; /* ranges in the pools */
	int caller, ncaller;                       /* callers[caller..+ncaller) */
	unsigned effects;       /* of its own instructions and unseen calls */
	bool unknown;           /* calls something it cannot see */
	bool self;              /* calls itself */
	IdList reads, muts;     /* the summary's lists, as ids */
	Members reads_set, muts_set;
} FnState;

typedef struct Ctx {
	SummaryTable *t;
	Names names;
	FnState *fs;
	Step *steps; int nsteps, steps_cap;
	Mut *muts; int nmuts, muts_cap;
	Call *calls; int ncalls, calls_cap;
	Edge *edges; int nedges, edges_cap;
	int *callers;
	int *edge_of, *edge_owner; /* by callee: the edge of the function being read */
} Ctx;

static Mut mut_of(Ctx *c, Origins *o, Instr *v)
{
	uint64_t bits = origin_of(o, v);
	Mut m = {bits & ~(ORIGIN_GLOBAL | ORIGIN_UNKNOWN), -1, (bits & ORIGIN_UNKNOWN) != 0};
	if (bits & ORIGIN_GLOBAL) {
		const char *g = o->global[ir_resolve(v)->id];
		if (g && g != ambiguous)
			m.global = name_id(&c->names, g);
		else
			m.unknown = true;
	}
	return m;
}

static void add_step(Ctx *c, int kind, int arg)
{
	c->steps = grow(c->steps, &c->steps_cap, c->nsteps + 1, sizeof *c->steps);
	c->steps[c->nsteps++] = (Step){kind, arg};
}

static int add_mut(Ctx *c, Mut m)
{
	c->muts = grow(c->muts, &c->muts_cap, c->nmuts + 1, sizeof *c->muts);
	c->muts[c->nmuts] = m;
	return c->nmuts++;
}

/* Reads function i into its steps, effects and callees. */
static void read_function(Ctx *c, int i)
{
	SummaryTable *t = c->t;
	Function *f = t->items[i].fn;
	FnState *fs = &c->fs[i];
	size_t n = (size_t)f->nvalues + 1;
	Origins o = {xcalloc(n, sizeof *o.bits), xcalloc(n, sizeof *o.global)};
	compute_origins(f, &o);
	fs->step = c->nsteps;
	fs->call = c->ncalls;
	fs->edge = c->nedges;
	for (int b = 0; b < f->blocks.len; b++) {
		Block *bb = f->blocks.items[b];
		for (int k = 0; k < bb->instrs.len; k++) {
			Instr *in = bb->instrs.items[k];
			bool seen_call = false;
			switch (in->op) {
			case OP_LOAD_GLOBAL:
				add_step(c, STEP_READ, name_id(&c->names, in->imm.name));
				break;
			case OP_SETITEM: case OP_SETATTR: case OP_DELITEM: case OP_DELATTR:
				add_step(c, STEP_MUT, add_mut(c, mut_of(c, &o, in->args.items[0])));
				break;
			case OP_BINOP:
				/* x += y extends a list in place */
				if (in->inplace && !(in->type && in->type->kind >= TY_BOOL &&
				                     in->type->kind <= TY_STR))
					add_step(c, STEP_MUT, add_mut(c, mut_of(c, &o, in->args.items[0])));
				break;
			case OP_CALL_METHOD:
				if (is_mutating_method(in->imm.name))
					add_step(c, STEP_MUT, add_mut(c, mut_of(c, &o, in->args.items[0])));
				break;
			case OP_CALL: {
				Instr *callee = ir_resolve(in->args.items[0]);
				if (callee->op == OP_BUILTIN)
					break;
				const Function *g = summary_callee(t, callee);
				const Summary *cs = g ? summary_of(t, g) : NULL;
				if (!cs) {
					/* Calling something we cannot see: anything. */
					fs->unknown = true;
					break;
				}
				seen_call = true; /* its effects are the callee's */
				int gi = g->index;
				if (c->edge_owner[gi] != i) {
					c->edge_owner[gi] = i;
					c->edge_of[gi] = c->nedges;
					c->edges = grow(c->edges, &c->edges_cap, c->nedges + 1, sizeof *c->edges);
					c->edges[c->nedges++] = (Edge){gi, 0, 0};
					fs->self |= gi == i;
				}
				int nargs = in->args.len - 1 - in->nkw;
				nargs = nargs < 0 ? 0 : nargs > 62 ? 62 : nargs;
				Call call = {c->edge_of[gi], c->nmuts, nargs, in->nkw > 0, 0};
				for (int p = 0; p < nargs; p++)
					add_mut(c, mut_of(c, &o, in->args.items[1 + p]));
				c->calls = grow(c->calls, &c->calls_cap, c->ncalls + 1, sizeof *c->calls);
				c->calls[c->ncalls] = call;
				add_step(c, STEP_CALL, c->ncalls++);
				break;
			}
			default:
				break;
			}
			if (!seen_call) {
				bool exits = false; /* unused here: the DDG reads it */
				fs->effects |= effects_of_instr(in, t, &exits);
			}
		}
	}
	fs->nstep = c->nsteps - fs->step;
	fs->ncall = c->ncalls - fs->call;
	fs->nedge = c->nedges - fs->edge;
	free(o.bits);
	free(o.global);
}

/* ---- the fixed point ---- */

/* Adds id to a summary's list (with set); true if it was not there. */
static bool add_id(Ctx *c, IdList *list, Members *set, int id)
{
	if (!members_add(set, id, c->names.len))
		return false;
	list->items = grow(list->items, &list->cap, list->len + 1, sizeof *list->items);
	list->items[list->len++] = id;
	return true;
}

static void add_read(Ctx *c, FnState *fs, int id)
{
	add_id(c, &fs->reads, &fs->reads_set, id);
}

static void add_mutated(Ctx *c, FnState *fs, int id)
{
	add_id(c, &fs->muts, &fs->muts_set, id);
}

/* Adds what a callee's list holds past *seen to the caller's, in order.
 * Ids before *seen are the caller's already, so when the bitsets say how
 * many are new the scan stops at the last of them: callers mostly have
 * most of what a callee reads, from its other callees. */
static void take_list(Ctx *c, IdList *list, Members *set, const IdList *from,
                      const Members *from_set, int *seen)
{
	int missing = -1;
	if (from->len - *seen > c->names.len / 64 + 8)
		missing = members_missing(set, from_set, c->names.len);
	if (missing < 0) {
		for (; *seen < from->len; ++*seen)
			add_id(c, list, set, from->items[*seen]);
		return;
	}
	for (; missing > 0; ++*seen)
		missing -= add_id(c, list, set, from->items[*seen]);
	*seen = from->len;
}

static void apply_mut(Ctx *c, Summary *s, FnState *fs, const Mut *m)
{
	s->mutates_params |= m->params;
	if (m->global >= 0)
		add_mutated(c, fs, m->global);
	if (m->unknown)
		s->mutates_unknown = true;
}

/* What call k of function i adds to i's summary now. Every step is one a
 * full pass over i would take at this point, minus those that would add
 * nothing: what the callee had when i last took from it, and parameter
 * bits already applied. */
static void take_call(Ctx *c, int i, int k, unsigned *effects)
{
	Summary *s = &c->t->items[i];
	FnState *fs = &c->fs[i];
	Call *call = &c->calls[k];
	Edge *e = &c->edges[call->edge];
	const Summary *cs = &c->t->items[e->callee];
	const FnState *gs = &c->fs[e->callee];
	*effects |= cs->effects;
	/* A function's own lists hold all it has: a recursive call adds none. */
	if (e->callee != i) {
		take_list(c, &fs->reads, &fs->reads_set, &gs->reads, &gs->reads_set, &e->seen_reads);
		take_list(c, &fs->muts, &fs->muts_set, &gs->muts, &gs->muts_set, &e->seen_muts);
	}
	if (cs->mutates_unknown)
		s->mutates_unknown = true;
	/* The callee mutates its parameter p: the caller mutates what its
	 * argument p is. (On a recursive call cs is s, which may grow in this
	 * very loop.) */
	if (cs->mutates_params & ~call->applied & ((1ull << call->nargs) - 1)) {
		for (int p = 0; p < call->nargs; p++) {
			uint64_t bit = 1ull << p;
			if ((cs->mutates_params & bit) && !(call->applied & bit)) {
				call->applied |= bit;
				apply_mut(c, s, fs, &c->muts[call->args + p]);
			}
		}
	}
	if (call->kw && cs->mutates_params)
		s->mutates_unknown = true; /* keywords: not mapped yet */
}

/* A pass over function i: the whole of it the first time, its calls
 * after that. Returns whether its summary grew. */
static bool summarize(Ctx *c, int i, bool first)
{
	Summary *s = &c->t->items[i];
	FnState *fs = &c->fs[i];
	int nreads = fs->reads.len, nmuts = fs->muts.len;
	uint64_t params = s->mutates_params;
	bool unknown = s->mutates_unknown;
	unsigned effects = s->effects;
	if (first) {
		effects |= fs->effects;
		s->mutates_unknown |= fs->unknown;
		for (int k = fs->step; k < fs->step + fs->nstep; k++) {
			const Step *st = &c->steps[k];
			if (st->kind == STEP_READ)
				add_read(c, fs, st->arg);
			else if (st->kind == STEP_MUT)
				apply_mut(c, s, fs, &c->muts[st->arg]);
			else
				take_call(c, i, st->arg, &effects);
		}
	} else {
		for (int k = fs->call; k < fs->call + fs->ncall; k++)
			take_call(c, i, k, &effects);
	}
	bool changed = fs->reads.len != nreads || fs->muts.len != nmuts ||
	               s->mutates_params != params || s->mutates_unknown != unknown ||
	               effects != s->effects;
	s->effects = effects;
	return changed;
}

/* A min-heap of function indexes: the functions still to do this round,
 * done in index order. */
typedef struct Heap { int *items; int len; } Heap;

static void heap_push(Heap *h, int x)
{
	int k = h->len++;
	for (; k > 0 && h->items[(k - 1) / 2] > x; k = (k - 1) / 2)
		h->items[k] = h->items[(k - 1) / 2];
	h->items[k] = x;
}

static int heap_pop(Heap *h)
{
	int top = h->items[0], x = h->items[--h->len], k = 0;
	for (;;) {
		int m = 2 * k + 1;
		if (m >= h->len)
			break;
		if (m + 1 < h->len && h->items[m + 1] < h->items[m])
			m++;
		if (h->items[m] >= x)
			break;
		h->items[k] = h->items[m];
		k = m;
	}
	if (h->len)
		h->items[k] = x;
	return top;
}

/* The os module, or os.path. */
static bool is_os_module(const Instr *obj)
{
	if ((obj->op == OP_IMPORT || obj->op == OP_LOAD_GLOBAL) && obj->imm.name &&
	    (strcmp(obj->imm.name, "os") == 0 || strcmp(obj->imm.name, "os.path") == 0))
		return true;
	if (obj->op == OP_GETATTR && obj->imm.name && strcmp(obj->imm.name, "path") == 0)
		return is_os_module(ir_resolve(obj->args.items[0]));
	return false;
}

/* What an instruction does that must stay in order (see passes.h). */
unsigned effects_of_instr(const Instr *in, const SummaryTable *t, bool *ctrl)
{
	switch (in->op) {
	case OP_CALL: {
		Instr *callee = ir_resolve(in->args.items[0]);
		if (callee->op == OP_BUILTIN) {
			const char *n = callee->imm.name;
			if (strcmp(n, "print") == 0)
				return EFF_STDOUT;
			if (strcmp(n, "input") == 0)
				return EFF_STDIN | EFF_STDOUT;
			if (strcmp(n, "open") == 0)
				return EFF_FILES;
			return 0;
		}
		const Function *g = summary_callee(t, callee);
		const Summary *s = g ? summary_find(t, g) : NULL;
		return s ? s->effects : EFF_UNKNOWN;
	}
	case OP_CALL_METHOD: {
		Instr *obj = ir_resolve(in->args.items[0]);
		const char *m = in->imm.name;
		if ((obj->op == OP_IMPORT || obj->op == OP_LOAD_GLOBAL) &&
		    strcmp(obj->imm.name, "random") == 0)
			return EFF_RANDOM;
		if ((obj->op == OP_IMPORT || obj->op == OP_LOAD_GLOBAL) &&
		    strcmp(obj->imm.name, "sys") == 0 && strcmp(m, "exit") == 0) {
			*ctrl = true;
			return 0;
		}
		if (obj->type && obj->type->kind == TY_FILE)
			return EFF_FILES;
		/* os and os.path look at the file system: os.path.exists() after a
		 * write must see the file */
		if (is_os_module(obj))
			return EFF_FILES;
		static const char *const io[] = {"write", "writerow", "writerows", "writelines",
		                                 "read", "readline", "readlines", "flush", "close",
		                                 NULL};
		for (const char *const *p = io; *p; p++)
			if (strcmp(*p, m) == 0)
				return EFF_FILES;
		return 0;
	}
	case OP_ITER: {
		Instr *x = ir_resolve(in->args.items[0]);
		return x->type && x->type->kind == TY_FILE ? EFF_FILES : 0;
	}
	case OP_RET:
		*ctrl = true;
		return 0;
	case OP_RAISE:
		/* raise X and assert; a bare re-raise passes on an exception the
		 * statement raised anyway */
		*ctrl |= in->args.len > 0;
		return 0;
	default:
		return 0;
	}
}


static NameVec names_of(Arena *a, const Names *names, const IdList *ids)
{
	NameVec v = {NULL, ids->len, ids->len};
	if (ids->len) {
		v.items = arena_alloc(a, (size_t)ids->len * sizeof *v.items);
		for (int k = 0; k < ids->len; k++)
			v.items[k] = names->name[ids->items[k]];
	}
	return v;
}

void summaries_compute(SummaryTable *t, IRModule *m)
{
	Arena *a = m->arena;
	memset(t, 0, sizeof *t);
	t->items = arena_alloc(a, (size_t)(m->functions.len ? m->functions.len : 1) * sizeof *t->items);
	t->len = m->functions.len;
	for (int i = 0; i < m->functions.len; i++)
		t->items[i].fn = m->functions.items[i];
	/* Module-level defs, by the name they are stored under. A name bound
	 * twice could be either function: it is not resolved (NULL). */
	Function *mod = m->functions.len ? m->functions.items[0] : NULL;
	int nstores = 0;
	for (int b = 0; mod && b < mod->blocks.len; b++)
		for (int k = 0; k < mod->blocks.items[b]->instrs.len; k++)
			nstores += mod->blocks.items[b]->instrs.items[k]->op == OP_STORE_GLOBAL;
	t->def_cap = 16;
	while (t->def_cap < 2 * nstores + 2)
		t->def_cap *= 2;
	t->def_keys = xcalloc((size_t)t->def_cap, sizeof *t->def_keys);
	t->def_fns = xcalloc((size_t)t->def_cap, sizeof *t->def_fns);
	for (int b = 0; mod && b < mod->blocks.len; b++) {
		Block *bb = mod->blocks.items[b];
		for (int k = 0; k < bb->instrs.len; k++) {
			Instr *in = bb->instrs.items[k];
			if (in->op != OP_STORE_GLOBAL)
				continue;
			Instr *v = ir_resolve(in->args.items[0]);
			const char **key;
			Function **fn = def_slot(t, in->imm.name, &key);
			if (*key) {
				*fn = NULL; /* bound twice */
			} else {
				*key = in->imm.name;
				*fn = v->op == OP_MAKE_FUNCTION ? v->imm.fn : NULL;
			}
		}
	}
	int n = t->len;
	if (!n)
		return;
	Ctx c = {.t = t};
	c.fs = xcalloc((size_t)n, sizeof *c.fs);
	c.edge_of = xmalloc((size_t)n * sizeof *c.edge_of);
	c.edge_owner = xmalloc((size_t)n * sizeof *c.edge_owner);
	for (int i = 0; i < n; i++)
		c.edge_owner[i] = -1;
	for (int i = 0; i < n; i++)
		read_function(&c, i);
	/* Who calls whom, backwards (a function calling itself aside). */
	int *count = xcalloc((size_t)n + 1, sizeof *count);
	for (int i = 0; i < n; i++)
		for (int e = c.fs[i].edge; e < c.fs[i].edge + c.fs[i].nedge; e++)
			count[c.edges[e].callee] += c.edges[e].callee != i;
	for (int i = 0, at = 0; i < n; i++) {
		c.fs[i].caller = at;
		at += count[i];
		count[i] = 0;
	}
	c.callers = xmalloc((size_t)(c.nedges ? c.nedges : 1) * sizeof *c.callers);
	for (int i = 0; i < n; i++)
		for (int e = c.fs[i].edge; e < c.fs[i].edge + c.fs[i].nedge; e++) {
			int g = c.edges[e].callee;
			if (g != i)
				c.callers[c.fs[g].caller + count[g]++] = i;
		}
	for (int i = 0; i < n; i++)
		c.fs[i].ncaller = count[i];
	free(count);
	/* Iterate to a fixed point. The first round does every function in
	 * index order; after that a function is done again only when a callee
	 * grew since its last pass: in the same round if the callee comes
	 * first, else in the next. A callee before its callers settles in one
	 * pass. A function that calls itself is its own callee: what it
	 * learns after the call (f(b, a) before a.append(1)) holds at the
	 * call too. */
	Heap now = {xmalloc((size_t)n * sizeof(int)), 0};
	Heap next = {xmalloc((size_t)n * sizeof(int)), 0};
	bool *queued = xmalloc((size_t)n);
	for (int i = 0; i < n; i++) {
		now.items[now.len++] = i; /* sorted: a heap already */
		queued[i] = true;
	}
	for (bool first = true; now.len; first = false) {
		while (now.len) {
			int i = heap_pop(&now);
			queued[i] = false;
			if (!summarize(&c, i, first))
				continue;
			const FnState *fs = &c.fs[i];
			if (fs->self) {
				queued[i] = true;
				heap_push(&next, i);
			}
			for (int k = fs->caller; k < fs->caller + fs->ncaller; k++) {
				int caller = c.callers[k];
				if (!queued[caller]) {
					queued[caller] = true;
					heap_push(caller > i ? &now : &next, caller);
				}
			}
		}
		Heap done = now;
		now = next;
		next = done;
	}
	for (int i = 0; i < n; i++) {
		FnState *fs = &c.fs[i];
		t->items[i].reads_globals = names_of(m->arena, &c.names, &fs->reads);
		t->items[i].mutates_globals = names_of(m->arena, &c.names, &fs->muts);
		free(fs->reads.items);
		free(fs->muts.items);
		free(fs->reads_set.slots);
		free(fs->reads_set.bits);
		free(fs->muts_set.slots);
		free(fs->muts_set.bits);
	}
	free(now.items);
	free(next.items);
	free(queued);
	free(c.fs);
	free(c.steps);
	free(c.muts);
	free(c.calls);
	free(c.edges);
	free(c.callers);
	free(c.edge_of);
	free(c.edge_owner);
	free(c.names.slots);
	free(c.names.name);
}

const Summary *summary_find(const SummaryTable *t, const Function *f)
{
	return summary_of((SummaryTable *)t, f);
}

void summaries_free(SummaryTable *t)
{
	free(t->def_keys);
	free(t->def_fns);
	memset(t, 0, sizeof *t);
}


void summaries_print(StrBuf *out, const SummaryTable *t)
{
	static const char *const effect_names[] = {"stdout", "stdin", "files", "random", "unknown"};
	for (int i = 0; i < t->len; i++) {
		const Summary *s = &t->items[i];
		sb_puts(out, "summary @");
		sb_puts(out, s->fn->name);
		sb_putc(out, ':');
		if (s->reads_globals.len) {
			sb_puts(out, " reads");
			/* the longest lines of all: no printf per name */
			for (int r = 0; r < s->reads_globals.len; r++) {
				sb_putc(out, r ? ',' : ' ');
				sb_puts(out, s->reads_globals.items[r]);
			}
			sb_puts(out, ";");
		}
		if (s->mutates_params || s->mutates_globals.len || s->mutates_unknown) {
			sb_puts(out, " mutates");
			bool first = true;
			for (int p = 0; p < 62; p++) {
				if (!(s->mutates_params & (1ull << p)))
					continue;
				const char *pname = NULL;
				Block *entry = s->fn->blocks.items[0];
				for (int k = 0; k < entry->instrs.len; k++)
					if (entry->instrs.items[k]->op == OP_PARAM &&
					    entry->instrs.items[k]->imm.index == p)
						pname = entry->instrs.items[k]->name;
				sb_printf(out, "%sparam %s", first ? " " : ", ", pname ? pname : "?");
				first = false;
			}
			for (int r = 0; r < s->mutates_globals.len; r++) {
				sb_puts(out, first ? " global " : ", global ");
				sb_puts(out, s->mutates_globals.items[r]);
				first = false;
			}
			if (s->mutates_unknown)
				sb_printf(out, "%sunknown", first ? " " : ", ");
			sb_puts(out, ";");
		}
		if (s->effects) {
			sb_puts(out, " effects");
			bool first = true;
			for (int e = 0; e < 5; e++) {
				if (s->effects & (1u << e)) {
					sb_printf(out, "%s%s", first ? " " : ",", effect_names[e]);
					first = false;
				}
			}
			sb_puts(out, ";");
		}
		if (!s->reads_globals.len && !s->mutates_params && !s->mutates_globals.len &&
		    !s->mutates_unknown && !s->effects)
			sb_puts(out, " pure;");
		sb_putc(out, '\n');
	}
}
