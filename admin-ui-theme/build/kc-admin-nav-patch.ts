import type { Plugin } from "vite";

export type ExtraNavItem = {
  /** i18n key of the label (looked up with t(title) in the realm namespace). */
  title: string;
  /** Path after "/:realm", e.g. "/machine-users". A route with path "/:realm" + path must exist in `routes`. */
  path: string;
};

export type NavPatchOptions = {
  /** Insert after the stock entry with this path (e.g. "/users" in the "Manage" group). */
  after: string;
  items: ExtraNavItem[];
};

/**
 * Build-time patch of the prebuilt @keycloak/keycloak-admin-ui library.
 *
 * The library's PageNav has no extension point, and replacing App/PageNav with
 * our own copies breaks the sidebar toggle (the library bundles its own copy of
 * PatternFly, so a <Page> from our PatternFly copy and the <PageToggleButton> in
 * the library's Header do not share PageContext). So instead we keep the stock
 * App + PageNav and add our <LeftNav> call next to an existing one.
 *
 * In 26.7.4 the compiled PageNav contains, e.g.:
 *   /* @__PURE__ * / r(ir, { title: "users", path: "/users" }),
 * (r = jsx, ir = LeftNav; minified names change between versions, the shape
 * does not). The build FAILS if the anchor is not found exactly once, so a
 * library upgrade cannot silently drop the entry.
 */
export function kcAdminNavPatch(options: NavPatchOptions): Plugin {
  const anchor = new RegExp(
    String.raw`(\/\* @__PURE__ \*\/ ([\w$]+)\(([\w$]+), \{ title: "[^"]+", path: "` +
      options.after.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") +
      String.raw`" \}\)),`,
    "g",
  );
  let patched = 0;
  return {
    name: "kc-admin-nav-patch",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]@keycloak[\\/]keycloak-admin-ui[\\/]lib[\\/]index-[^\\/?]+\.js(\?.*)?$/.test(id)) return null;
      if (!code.includes('"keycloak__page_nav__nav"')) return null;
      const matches = [...code.matchAll(anchor)];
      if (matches.length !== 1) {
        this.error(
          `kc-admin-nav-patch: expected exactly 1 PageNav entry with path "${options.after}" in ${id}, found ${matches.length}`,
        );
      }
      const [, whole, jsx, leftNav] = matches[0];
      const extra = options.items
        .map(
          (item) =>
            `/* @__PURE__ */ ${jsx}(${leftNav}, { title: ${JSON.stringify(item.title)}, path: ${JSON.stringify(item.path)} }),`,
        )
        .join("\n      ");
      patched++;
      return { code: code.replace(whole + ",", `${whole},\n      ${extra}`), map: null };
    },
    buildEnd(error) {
      if (!error && patched !== 1) {
        this.error(`kc-admin-nav-patch: PageNav module was not found/patched (patched=${patched})`);
      }
    },
  };
}
