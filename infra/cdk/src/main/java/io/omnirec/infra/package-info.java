/**
 * The AWS CDK app that deploys Omnirec into a retailer's account: {@link io.omnirec.infra.OmnirecStack} composes the
 * storage, the four functions, the HTTP API, the schedules and the monitoring, each a construct of its own.
 */
package io.omnirec.infra;
