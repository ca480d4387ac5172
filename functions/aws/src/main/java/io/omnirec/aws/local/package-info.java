/** Starting and stopping the local AWS emulators (dynalite, s3proxy) for tests and the local run. */
package io.omnirec.aws.local;
