terraform {
  required_version = ">= 1.6"

  # State in S3 with a DynamoDB lock table (created once by hand: infra/README.md, "Bootstrap").
  # bucket, region and dynamodb_table come from backend.hcl:
  #   terraform init -backend-config=backend.hcl
  backend "s3" {
    key     = "lectern/production/terraform.tfstate"
    encrypt = true
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "~> 4.0"
    }
  }
}
