/* python_split.c: the Python of a loop split with reductions.
 *
 * A map part runs the loop body, copied as written, over its chunk of the
 * items with each accumulator bound to the reduction's identity, and hands
 * back (chunk length, accumulators..., last values...). If anything in the
 * chunk raises, it hands back _SURGE_MISSING instead. The combine part
 * merges the chunks' values in chunk order up to the first missing one,
 * then runs the loop body itself over the items from there on, so an
 * exception is raised in order, after everything before it, with the
 * program's own state: exactly where the program raises it.
 *
 * A loop inside a called function f adds a start function (f's parameters,
 * its statements before the loop; it returns the items and the locals the
 * loop and the rest need) and a finish function (the merge, the fallback
 * loop, f's statements after the loop); the task's statement calls finish
 * where it called f. */
#include "backend/python_emit.h"
#include "passes/loopsplit.h"

static void put_names(StrBuf *out, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		sb_printf(out, "%s, ", names[i]);
}

static void put_unpack_state(StrBuf *out, const char *const *names, int n)
{
	if (!n)
		return;
	sb_puts(out, "    ");
	put_names(out, names, n);
	sb_puts(out, "= _surge_state\n");
}

static void put_identity(StrBuf *out, const Reduction *r)
{
	sb_printf(out, "    %s = ", r->name);
	switch (r->kind) {
	case RED_ADD: sb_puts(out, r->identity ? r->identity : "0"); break;
	case RED_MUL: sb_puts(out, "1"); break;
	case RED_APPEND: sb_puts(out, "[]"); break;
	case RED_SET_ADD: sb_puts(out, "_surge_oset()"); break;
	case RED_COUNT: case RED_STORE: case RED_GROUP: sb_puts(out, "{}"); break;
	case RED_INDEX_ADD: sb_printf(out, "[_SURGE_ZERO] * len(%s)", r->name); break;
	case RED_KEY_ADD: sb_printf(out, "_surge_keyed(%s)", r->name); break;
	case RED_MAX: case RED_MIN: case RED_BEST: case RED_LAST: sb_puts(out, "_SURGE_NONE"); break;
	}
	sb_putc(out, '\n');
	for (int w = 0; w < r->nwith; w++)
		sb_printf(out, "    %s = _SURGE_NONE\n", r->with[w]);
}

/* `for TARGET in ITEMS:` and the body, at the given depth. */
static void put_loop(StrBuf *out, const SourceFile *src, const Stmt *loop, const char *items,
                     const char *indent, const char *body_indent)
{
	sb_printf(out, "%sfor ", indent);
	put_source_inline(out, src, loop->u.for_.target->range);
	sb_printf(out, " in %s:\n", items);
	for (int i = 0; i < loop->u.for_.body.len; i++)
		put_source(out, src, loop->u.for_.body.items[i]->range, body_indent, NULL);
}

static void put_global_line(StrBuf *out, const char *const *names, int n, const LoopPlan *lp)
{
	if (!n && !lp->nreds)
		return; /* names kept with a best are bound by the loop: among the n */
	sb_puts(out, "    global ");
	bool first = true;
	for (int i = 0; i < n; i++, first = false)
		sb_printf(out, "%s%s", first ? "" : ", ", names[i]);
	for (int i = 0; i < lp->nreds; i++) {
		const Reduction *r = &lp->reds[i];
		bool dup = false;
		for (int j = 0; j < n; j++)
			dup |= strcmp(names[j], r->name) == 0;
		if (!dup)
			sb_printf(out, "%s%s", first ? "" : ", ", r->name), first = false;
	}
	sb_putc(out, '\n');
}

/* The map part's function, called `name`; `state`: it takes the state
 * first (as _surge_fork_map calls it) even for a top-level loop. */
static void put_map_fn(StrBuf *out, const SourceFile *src, const char *name, const LoopPlan *lp,
                       bool state)
{
	if (!lp->call && state) {
		sb_printf(out, "def %s(_surge_state, _surge_chunk):\n", name);
		put_global_line(out, lp->binds, lp->nbinds, lp);
	} else if (lp->call) {
		sb_printf(out, "def %s(_surge_state, _surge_chunk):\n", name);
		put_unpack_state(out, lp->mapin, lp->nmapin);
	} else {
		sb_printf(out, "def %s(_surge_chunk):\n", name);
		put_global_line(out, lp->binds, lp->nbinds, lp);
	}
	for (int i = 0; i < lp->nreds; i++)
		put_identity(out, &lp->reds[i]);
	sb_puts(out, "    _surge_broke = True\n    try:\n");
	put_loop(out, src, lp->loop, "_surge_chunk", "        ", "            ");
	sb_puts(out, "        else:\n            _surge_broke = False\n"
	        "    except KeyboardInterrupt:\n        raise\n"
	        "    except BaseException:\n"
	        "        return _SURGE_MISSING  # the combine part runs this chunk again, in order\n"
	        "    return (len(_surge_chunk), _surge_broke, ");
	for (int i = 0; i < lp->nreds; i++) {
		sb_printf(out, "%s, ", lp->reds[i].name);
		put_names(out, lp->reds[i].with, lp->reds[i].nwith);
	}
	put_names(out, lp->lasts, lp->nlasts);
	sb_puts(out, ")\n\n\n");
}

static void put_map(StrBuf *out, const SourceFile *src, const char *name, const LoopPlan *lp)
{
	put_map_fn(out, src, name, lp, false);
}

static void put_merge(StrBuf *out, const Reduction *r, int at)
{
	const char *x = r->name;
	const char *in = "        ";
	switch (r->kind) {
	case RED_ADD: case RED_MUL: {
		char op = r->kind == RED_ADD ? '+' : '*';
		if (r->augmented)
			sb_printf(out, "%s%s %c= _surge_p[%d]\n", in, x, op, at);
		else
			sb_printf(out, "%s%s = %s %c _surge_p[%d]\n", in, x, x, op, at);
		break;
	}
	case RED_APPEND: sb_printf(out, "%s%s.extend(_surge_p[%d])\n", in, x, at); break;
	case RED_SET_ADD:
		sb_printf(out, "%sfor _surge_v in _surge_p[%d]:\n%s    %s.add(_surge_v)\n", in, at, in, x);
		break;
	case RED_COUNT:
		sb_printf(out, "%sfor _surge_k, _surge_v in _surge_p[%d].items():\n"
		          "%s    %s[_surge_k] = %s.get(_surge_k, 0) + _surge_v\n", in, at, in, x, x);
		break;
	case RED_STORE: sb_printf(out, "%s%s.update(_surge_p[%d])\n", in, x, at); break;
	case RED_GROUP:
		sb_printf(out, "%sfor _surge_k, _surge_v in _surge_p[%d].items():\n"
		          "%s    %s.setdefault(_surge_k, []).extend(_surge_v)\n", in, at, in, x);
		break;
	case RED_INDEX_ADD:
		sb_printf(out, "%sfor _surge_k, _surge_v in enumerate(_surge_p[%d]):\n"
		          "%s    if _surge_v is not _SURGE_ZERO:\n"
		          "%s        %s[_surge_k] += _surge_v\n", in, at, in, in, x);
		break;
	case RED_KEY_ADD:
		sb_printf(out, "%sfor _surge_k, _surge_v in _surge_p[%d].items():\n"
		          "%s    %s[_surge_k] += _surge_v\n", in, at, in, x);
		break;
	case RED_LAST:
		sb_printf(out, "%sif _surge_p[%d] is not _SURGE_NONE:\n%s    %s = _surge_p[%d]\n", in, at, in, x,
		          at);
		break;
	case RED_MAX: case RED_MIN:
		sb_printf(out, "%sif _surge_p[%d] is not _SURGE_NONE:\n%s    %s = %s(%s, _surge_p[%d])\n", in,
		          at, in, x, r->kind == RED_MAX ? "max" : "min", x, at);
		break;
	case RED_BEST: {
		const Expr *test = r->test->u.cond.test;
		const char *op = cmpop_symbol(test->u.compare.ops.items[0]);
		sb_printf(out, "%sif _surge_p[%d] is not _SURGE_NONE and ", in, at);
		if (r->acc_left)
			sb_printf(out, "%s %s _surge_p[%d]:\n", x, op, at);
		else
			sb_printf(out, "_surge_p[%d] %s %s:\n", at, op, x);
		/* the assignments in the program's order */
		const StmtList *body = &r->test->u.cond.body;
		for (int i = 0; i < body->len; i++) {
			const char *y = body->items[i]->u.assign.targets.items[0]->u.name.id;
			int slot = at;
			for (int w = 0; w < r->nwith; w++)
				if (strcmp(r->with[w], y) == 0)
					slot = at + 1 + w;
			sb_printf(out, "%s    %s = _surge_p[%d]\n", in, y, slot);
		}
		break;
	}
	}
}

/* The merge of every chunk up to the first missing one, then the loop
 * over the items no chunk did (the items are in the variable `items`). */
static void put_combine_body(StrBuf *out, const SourceFile *src, const LoopPlan *lp, const char *items)
{
	sb_puts(out, "    _surge_start = 0\n    for _surge_p in _surge_parts:\n"
	        "        if _surge_p is _SURGE_MISSING:\n            break\n");
	int at = 2; /* after the chunk's length and whether it broke out */
	for (int i = 0; i < lp->nreds; i++) {
		put_merge(out, &lp->reds[i], at);
		at += 1 + lp->reds[i].nwith;
	}
	for (int i = 0; i < lp->nlasts; i++)
		sb_printf(out, "        %s = _surge_p[%d]\n", lp->lasts[i], at + i);
	sb_puts(out, "        _surge_start += _surge_p[0]\n");
	if (lp->breaks)
		sb_printf(out, "        if _surge_p[1]:  # it broke out: the loop ends there\n"
		          "            _surge_start = len(%s)\n            break\n", items);
	char rest[64];
	snprintf(rest, sizeof rest, "%s[_surge_start:]", items);
	put_loop(out, src, lp->loop, rest, "    ", "        ");
}

static void put_params(StrBuf *out, const SourceFile *src, const Stmt *def)
{
	for (int i = 0; i < def->u.funcdef.params.len; i++) {
		const Param *pm = def->u.funcdef.params.items[i];
		sb_printf(out, "%s%s", i ? ", " : "", pm->name);
		if (pm->default_value) {
			sb_putc(out, '=');
			put_source_inline(out, src, pm->default_value->range);
		}
	}
}

static void put_statements(StrBuf *out, const SourceFile *src, const StmtList *l, int from, int to)
{
	for (int i = from; i < to; i++)
		put_source(out, src, l->items[i]->range, "    ", NULL);
}

static void put_call_split(StrBuf *out, const Partition *p, const SourceFile *src, const Task *t,
                           const LoopPlan *lp)
{
	const Stmt *def = lp->def;
	const StmtList *body = &def->u.funcdef.body;
	sb_printf(out, "def task_%d_start(", t->id);
	put_params(out, src, def);
	sb_printf(out, "):\n    # %s's statements before its loop (line %d)\n", def->u.funcdef.name,
	          lp->loop->range.line);
	put_statements(out, src, body, 0, lp->loop_at);
	sb_puts(out, "    return _surge_items(");
	put_source_inline(out, src, lp->loop->u.for_.iter->range);
	sb_puts(out, "), (");
	put_names(out, lp->mapin, lp->nmapin);
	sb_puts(out, "), (");
	put_names(out, lp->keep, lp->nkeep);
	sb_puts(out, ")\n\n\n");

	sb_printf(out, "def task_%d_items():\n    return task_%d_start(", t->id, t->id);
	for (int i = 0; i < lp->call->u.call.args.len; i++) {
		if (i)
			sb_puts(out, ", ");
		put_source_inline(out, src, lp->call->u.call.args.items[i]->range);
	}
	sb_puts(out, ")\n\n\n");

	char name[64];
	snprintf(name, sizeof name, "task_%d_map", t->id);
	put_map(out, src, name, lp);

	sb_printf(out, "def task_%d_finish(_surge_items, _surge_parts, _surge_state):\n", t->id);
	put_unpack_state(out, lp->keep, lp->nkeep);
	put_combine_body(out, src, lp, "_surge_items");
	if (lp->loop_at + 1 < body->len)
		sb_printf(out, "    # %s's statements after its loop\n", def->u.funcdef.name);
	put_statements(out, src, body, lp->loop_at + 1, body->len);
	sb_puts(out, "\n\n");

	sb_printf(out, "def task_%d(_surge_items, _surge_parts, _surge_state):\n", t->id);
	put_task_globals(out, t);
	char call[96];
	snprintf(call, sizeof call, "task_%d_finish(_surge_items, _surge_parts, _surge_state)", t->id);
	TextSubst sub = {lp->call->range, call, "", true};
	put_source(out, src, p->body->items[t->first]->range, "    ", &sub);
}

static void put_loop_split(StrBuf *out, const SourceFile *src, const Task *t, const LoopPlan *lp)
{
	sb_printf(out, "def task_%d_items():\n    return _surge_items(", t->id);
	put_source_inline(out, src, lp->loop->u.for_.iter->range);
	sb_puts(out, ")\n\n\n");
	char name[64];
	snprintf(name, sizeof name, "task_%d_map", t->id);
	put_map(out, src, name, lp);
	sb_printf(out, "def task_%d(_surge_items, _surge_parts):\n", t->id);
	put_global_line(out, t->globals, t->nglobals, lp);
	put_combine_body(out, src, lp, "_surge_items");
}

/* The name of the map function of top-level loop statement s split
 * inside its task. */
static void loop_map_name(char *buf, size_t n, int s)
{
	snprintf(buf, n, "_surge_split_s%d_map", s + 1);
}

void put_inline_loop_map(StrBuf *out, const SourceFile *src, int s, const LoopPlan *lp)
{
	char map[64];
	loop_map_name(map, sizeof map, s);
	put_map_fn(out, src, map, lp, true);
}

void put_inline_loop(StrBuf *out, const SourceFile *src, int s, const LoopPlan *lp)
{
	char map[64];
	loop_map_name(map, sizeof map, s);
	sb_printf(out, "    # line %d: the loop runs over helpers forked from this task; they\n"
	          "    # change only their own copies of the program's values\n", lp->loop->range.line);
	sb_puts(out, "    _surge_its = _surge_items(");
	put_source_inline(out, src, lp->loop->u.for_.iter->range);
	sb_printf(out, ")\n    _surge_parts = _surge_fork_map(%s, (), _surge_its, %d, isolate=True)\n", map,
	          SPLIT_CHUNKS_PER_WORKER);
	put_combine_body(out, src, lp, "_surge_its");
}

void put_inline_split(StrBuf *out, const SourceFile *src, const LoopPlan *lp)
{
	const Stmt *def = lp->def;
	const StmtList *body = &def->u.funcdef.body;
	const char *f = def->u.funcdef.name;
	char map[160];
	snprintf(map, sizeof map, "_surge_split_%s_map", f);
	put_map(out, src, map, lp);
	sb_printf(out, "def _surge_split_%s(", f);
	put_params(out, src, def);
	sb_printf(out, "):\n    # %s (line %d), its loop on line %d run over the workers\n", f,
	          def->range.line, lp->loop->range.line);
	put_statements(out, src, body, 0, lp->loop_at);
	sb_puts(out, "    _surge_its = _surge_items(");
	put_source_inline(out, src, lp->loop->u.for_.iter->range);
	sb_printf(out, ")\n    _surge_parts = _surge_fork_map(%s, (", map);
	put_names(out, lp->mapin, lp->nmapin);
	sb_printf(out, "), _surge_its, %d)\n", SPLIT_CHUNKS_PER_WORKER);
	put_combine_body(out, src, lp, "_surge_its");
	put_statements(out, src, body, lp->loop_at + 1, body->len);
}

void put_split_plan(StrBuf *out, const Partition *p, const SourceFile *src, const Task *t)
{
	if (t->plan->call)
		put_call_split(out, p, src, t, t->plan);
	else
		put_loop_split(out, src, t, t->plan);
}
