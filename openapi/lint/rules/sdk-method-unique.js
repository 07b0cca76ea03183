// Two operations mapped to the same client method would make the generated SDK ambiguous.
export default function SdkMethodUnique() {
  const firstSeen = new Map();
  return {
    Operation(operation, ctx) {
      const method = operation["x-sdk-method"];
      if (typeof method !== "string") return; // presence and spelling are checked by rule/operation-x-sdk-method
      const previous = firstSeen.get(method);
      if (previous) {
        ctx.report({
          message: `\`x-sdk-method: ${method}\` is already used by \`${previous}\`; each operation needs its own client method.`,
          location: ctx.location.child(["x-sdk-method"]),
        });
      } else {
        firstSeen.set(method, operation.operationId ?? ctx.location.pointer);
      }
    },
  };
}
