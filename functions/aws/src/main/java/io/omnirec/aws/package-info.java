/** DynamoDB and S3 implementations of the core's store ports, table and bucket provisioning, and S3 imports. */
package io.omnirec.aws;
