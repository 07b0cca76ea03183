export const VERSION = "0.1.0"; // kept equal to package.json by test/packaging
