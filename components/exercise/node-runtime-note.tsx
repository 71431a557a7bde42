import { listRuntimeModules } from "./node-runtime";

/** A small note under a `node` exercise's title: what its solution may use beyond plain JavaScript. */
export function NodeRuntimeNote({ runtimeTypes }: { runtimeTypes: string | undefined }) {
  const modules = listRuntimeModules(runtimeTypes ?? "");
  return (
    <p className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-xs text-sky-900 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-200" data-testid="node-runtime">
      <span className="mr-2 rounded-full bg-sky-600 px-2 py-0.5 font-medium text-white">Node runtime</span>
      {modules.length > 0 ? (
        <>
          Your solution may import{" "}
          {modules.map((name, i) => (
            <span key={name}>
              {i > 0 ? ", " : null}
              <code className="font-mono">node:{name}</code>
            </span>
          ))}{" "}
          and use the web globals the editor knows; anything else is a type error here and missing in the sandbox.
        </>
      ) : (
        "Your solution runs with a subset of Node's modules and web globals; the editor knows exactly which."
      )}
    </p>
  );
}
