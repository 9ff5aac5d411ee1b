"""A DAG of tasks with Airflow's `a >> b` wiring, a deterministic topological order and cycle reporting."""


class CycleError(Exception):
    """The dependencies loop; the message names the tasks of one cycle in order."""


class Task:
    def __init__(self, dag, task_id, stack, run, retries=0):
        self.dag = dag
        self.task_id = task_id
        self.stack = stack
        self.run = run
        self.retries = retries

    def __rshift__(self, other):
        for task in other if isinstance(other, (list, tuple)) else [other]:
            self.dag.add_edge(self.task_id, task.task_id)
        return other

    def __rrshift__(self, others):
        for task in others:
            task >> self
        return self

    def __repr__(self):
        return f"<Task {self.task_id}>"


class DAG:
    def __init__(self, dag_id, schedule):
        self.dag_id = dag_id
        self.schedule = schedule
        self.tasks = {}
        self.upstream = {}

    def task(self, task_id, stack, run, retries=0):
        if task_id in self.tasks:
            raise ValueError(f"{self.dag_id}: duplicate task {task_id}")
        self.tasks[task_id] = Task(self, task_id, stack, run, retries)
        self.upstream[task_id] = set()
        return self.tasks[task_id]

    def add_edge(self, before, after):
        if before not in self.tasks or after not in self.tasks:
            raise KeyError(f"{self.dag_id}: edge {before} >> {after} names a task not in the DAG")
        self.upstream[after].add(before)

    def find_cycle(self):
        """The task ids of one cycle (first repeated at the end), or None when the DAG is acyclic."""
        state = {}

        def visit(node, path):
            state[node] = "open"
            for parent in sorted(self.upstream[node]):
                if state.get(parent) == "open":
                    return path[path.index(parent):] + [parent]
                if parent not in state:
                    found = visit(parent, path + [parent])
                    if found:
                        return found
            state[node] = "done"
            return None

        for node in sorted(self.tasks):
            if node not in state:
                found = visit(node, [node])
                if found:
                    return list(reversed(found))
        return None

    def topological_order(self):
        """Task ids, each after all its upstream tasks; among ready tasks, alphabetical (Kahn's algorithm)."""
        cycle = self.find_cycle()
        if cycle:
            raise CycleError(f"{self.dag_id} has a cycle: {' >> '.join(cycle)}")
        waiting = {task: set(parents) for task, parents in self.upstream.items()}
        order = []
        while waiting:
            ready = min(task for task, parents in waiting.items() if not parents)
            order.append(ready)
            del waiting[ready]
            for parents in waiting.values():
                parents.discard(ready)
        return order

    def ancestors(self, task_id):
        seen, todo = set(), list(self.upstream[task_id])
        while todo:
            task = todo.pop()
            if task not in seen:
                seen.add(task)
                todo.extend(self.upstream[task])
        return seen

    def stacks(self):
        return sorted({task.stack for task in self.tasks.values()})


def run(dag, context):
    """Runs every task in order with retries; a failed task's descendants become `upstream_failed`.

    Returns ({task_id: state}, {task_id: result or error text})."""
    states, results = {}, {}
    for task_id in dag.topological_order():
        task = dag.tasks[task_id]
        if any(states[parent] != "success" for parent in dag.upstream[task_id]):
            states[task_id] = "upstream_failed"
            continue
        for attempt in range(task.retries + 1):
            try:
                results[task_id] = task.run(context)
                states[task_id] = "success"
                break
            except Exception as error:  # a task failure is data here, as in Airflow
                results[task_id] = f"{type(error).__name__}: {error}"
                states[task_id] = "failed"
    return states, results
