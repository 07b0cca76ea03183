import type {
  CreateDeploymentParams,
  components,
  Deployment,
  DeploymentList,
  DeploymentRun,
  DeploymentRunList,
  ErrorEnvelope,
  ErrorType,
  ListDeploymentsParams,
  operations,
  paths,
} from "@qoder-cloud/types";
import { describe, expectTypeOf, test } from "vitest";

describe("friendly aliases point at the generated schemas", () => {
  test("Deployment and its list", () => {
    expectTypeOf<Deployment>().toEqualTypeOf<components["schemas"]["Deployment"]>();
    expectTypeOf<DeploymentList["data"]>().toEqualTypeOf<Deployment[]>();
    expectTypeOf<DeploymentList["has_more"]>().toEqualTypeOf<boolean>();
    expectTypeOf<DeploymentList["last_id"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Deployment["id"]>().toExtend<string>();
    expectTypeOf<Deployment["status"]>().toEqualTypeOf<"active" | "paused">();
  });

  test("DeploymentRun and its list", () => {
    expectTypeOf<DeploymentRunList["data"]>().toEqualTypeOf<DeploymentRun[]>();
    expectTypeOf<DeploymentRun["deployment_id"]>().toExtend<string>();
  });

  test("create params require what the contract requires", () => {
    expectTypeOf<{ name: string }>().not.toExtend<CreateDeploymentParams>();
    expectTypeOf<CreateDeploymentParams["name"]>().toEqualTypeOf<string>();
  });

  test("the error envelope", () => {
    expectTypeOf<ErrorEnvelope["type"]>().toEqualTypeOf<"error">();
    expectTypeOf<"not_found_error">().toExtend<ErrorType>();
    expectTypeOf<"teapot_error">().not.toExtend<ErrorType>();
  });

  test("paths and operations", () => {
    expectTypeOf<paths["/deployments"]["get"]>().toEqualTypeOf<operations["listDeployments"]>();
    expectTypeOf<ListDeploymentsParams["limit"]>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error: not a path of the contract
    expectTypeOf<paths["/nope"]>().toBeObject();
  });
});
