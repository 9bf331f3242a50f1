import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { kcAdminNavPatch } from "./build/kc-admin-nav-patch";

/** The theme's name, the folder under theme/ in the JAR, and the realm's adminTheme value. */
const THEME_NAME = "machine-users";

export default defineConfig({
  // Relative asset URLs: the page is served from /admin/{realm}/console/ while the assets live
  // under /resources/{version}/admin/{THEME_NAME}; chunks and fonts resolve relative to their files.
  base: "",
  plugins: [
    react(),
    // The stock PageNav has no extension point: add our entry after "Users", at build time.
    kcAdminNavPatch({ after: "/users", items: [{ title: "machineUsers", path: "/machine-users" }] }),
  ],
  build: {
    // Maven packages target/classes; index.ftl reads resources/.vite/manifest.json of the theme.
    outDir: `target/classes/theme/${THEME_NAME}/admin/resources`,
    emptyOutDir: true,
    manifest: true,
    target: "esnext",
    modulePreload: false,
    sourcemap: false,
    chunkSizeWarningLimit: 10000,
    rollupOptions: {
      input: "app/main.tsx",
      // React comes from the import map of the stock index.ftl, as in the stock console.
      external: ["react", "react/jsx-runtime", "react-dom"],
    },
  },
  optimizeDeps: { exclude: ["@keycloak/keycloak-admin-ui"] },
});
