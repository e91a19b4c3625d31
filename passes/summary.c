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
 * reported as such: sound first, precise where the IR shows the way. */
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

/* Adds a name to a set; true if it was not there. */
static bool strset_add(StrSet *s, const char *name)
{
	if ((s->len + 1) * 2 > s->cap) {
		StrSet bigger = {xcalloc((size_t)(s->cap ? s->cap * 2 : 16), sizeof(char *)),
		                 s->cap ? s->cap * 2 : 16, 0};
		for (int i = 0; i < s->cap; i++)
			if (s->keys[i])
				strset_add(&bigger, s->keys[i]);
		free(s->keys);
		*s = bigger;
	}
	size_t mask = (size_t)s->cap - 1;
	size_t k = hash_str(name) & mask;
	for (; s->keys[k]; k = (k + 1) & mask)
		if (strcmp(s->keys[k], name) == 0)
			return false;
	s->keys[k] = name;
	s->len++;
	return true;
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

static bool add_name(Arena *a, NameVec *v, StrSet *set, const char *n)
{
	if (!strset_add(set, n))
		return false;
	namevec_push(a, v, n);
	return true;
}

/* What mutating the object v names means for the summary. */
static bool note_mutation(Arena *a, Summary *s, Origins *o, Instr *v)
{
	bool changed = false;
	uint64_t bits = origin_of(o, v);
	uint64_t params = bits & ~(ORIGIN_GLOBAL | ORIGIN_UNKNOWN);
	if ((s->mutates_params | params) != s->mutates_params) {
		s->mutates_params |= params;
		changed = true;
	}
	if (bits & ORIGIN_GLOBAL) {
		const char *g = o->global[ir_resolve(v)->id];
		if (g && g != ambiguous)
			changed |= add_name(a, &s->mutates_globals, &s->mutates_set, g);
		else if (!s->mutates_unknown)
			changed = s->mutates_unknown = true;
	}
	if ((bits & ORIGIN_UNKNOWN) && !s->mutates_unknown)
		changed = s->mutates_unknown = true;
	return changed;
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

/* The sum of the versions of what s calls: it changes when any of them
 * grew. */
static uint64_t callee_versions(const SummaryTable *t, const Summary *s)
{
	uint64_t sum = 0;
	for (int i = 0; i < s->callees.len; i++)
		sum += t->items[s->callees.items[i]->index].version;
	return sum;
}

/* One pass over a function; returns whether its summary grew. */
static bool summarize(SummaryTable *t, Summary *s)
{
	Function *f = s->fn;
	Arena *a = f->module->arena;
	size_t n = (size_t)f->nvalues + 1;
	Origins o = {xcalloc(n, sizeof *o.bits), xcalloc(n, sizeof *o.global)};
	compute_origins(f, &o);
	bool changed = false;
	unsigned effects = s->effects;
	for (int b = 0; b < f->blocks.len; b++) {
		Block *bb = f->blocks.items[b];
		for (int k = 0; k < bb->instrs.len; k++) {
			Instr *in = bb->instrs.items[k];
			bool exits = false; /* unused here: the DDG reads it */
			effects |= effects_of_instr(in, t, &exits);
			switch (in->op) {
			case OP_LOAD_GLOBAL:
				changed |= add_name(a, &s->reads_globals, &s->reads_set, in->imm.name);
				break;
			case OP_SETITEM: case OP_SETATTR: case OP_DELITEM: case OP_DELATTR:
				changed |= note_mutation(a, s, &o, in->args.items[0]);
				break;
			case OP_BINOP:
				/* x += y extends a list in place */
				if (in->inplace && !(in->type && in->type->kind >= TY_BOOL &&
				                     in->type->kind <= TY_STR))
					changed |= note_mutation(a, s, &o, in->args.items[0]);
				break;
			case OP_CALL_METHOD:
				if (is_mutating_method(in->imm.name))
					changed |= note_mutation(a, s, &o, in->args.items[0]);
				break;
			case OP_CALL: {
				Instr *callee = ir_resolve(in->args.items[0]);
				if (callee->op == OP_BUILTIN)
					break;
				const Function *g = summary_callee(t, callee);
				const Summary *cs = g ? summary_of(t, g) : NULL;
				if (cs && !s->callees_known)
					functionvec_push(a, &s->callees, (Function *)g);
				if (!cs) {
					/* Calling something we cannot see: anything. */
					if (!s->mutates_unknown)
						changed = s->mutates_unknown = true;
					break;
				}
				for (int r = 0; r < cs->reads_globals.len; r++)
					changed |= add_name(a, &s->reads_globals, &s->reads_set,
					                  cs->reads_globals.items[r]);
				for (int r = 0; r < cs->mutates_globals.len; r++)
					changed |= add_name(a, &s->mutates_globals, &s->mutates_set,
					                  cs->mutates_globals.items[r]);
				if (cs->mutates_unknown && !s->mutates_unknown)
					changed = s->mutates_unknown = true;
				/* The callee mutates its parameter i: the caller mutates
				 * what its argument i is. */
				int nargs = in->args.len - 1 - in->nkw;
				for (int p = 0; p < nargs && p < 62; p++)
					if (cs->mutates_params & (1ull << p))
						changed |= note_mutation(a, s, &o, in->args.items[1 + p]);
				if (in->nkw && cs->mutates_params && !s->mutates_unknown)
					changed = s->mutates_unknown = true; /* keywords: not mapped yet */
				break;
			}
			default:
				break;
			}
		}
	}
	s->callees_known = true;
	if (effects != s->effects) {
		s->effects = effects;
		changed = true;
	}
	free(o.bits);
	free(o.global);
	return changed;
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
	/* Iterate to a fixed point. A function is summarized again only when
	 * a callee's summary grew since its last pass (versions), so a callee
	 * before its callers settles in one pass, and a round costs what
	 * changed rather than the whole call graph again. */
	bool changed = true;
	bool first = true;
	while (changed) {
		changed = false;
		for (int i = 0; i < t->len; i++) {
			Summary *s = &t->items[i];
			if (!first && callee_versions(t, s) == s->seen_versions)
				continue;
			if (summarize(t, s)) {
				s->version++;
				changed = true;
			}
			s->seen_versions = callee_versions(t, s);
		}
		first = false;
	}
}

const Summary *summary_find(const SummaryTable *t, const Function *f)
{
	return summary_of((SummaryTable *)t, f);
}

void summaries_free(SummaryTable *t)
{
	for (int i = 0; i < t->len; i++) {
		free(t->items[i].reads_set.keys);
		free(t->items[i].mutates_set.keys);
	}
	free(t->def_keys);
	free(t->def_fns);
	memset(t, 0, sizeof *t);
}

void summaries_print(StrBuf *out, const SummaryTable *t)
{
	static const char *const effect_names[] = {"stdout", "stdin", "files", "random", "unknown"};
	for (int i = 0; i < t->len; i++) {
		const Summary *s = &t->items[i];
		sb_printf(out, "summary @%s:", s->fn->name);
		if (s->reads_globals.len) {
			sb_puts(out, " reads");
			for (int r = 0; r < s->reads_globals.len; r++)
				sb_printf(out, "%s%s", r ? "," : " ", s->reads_globals.items[r]);
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
				sb_printf(out, "%sglobal %s", first ? " " : ", ", s->mutates_globals.items[r]);
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
